package audit

import (
	"encoding/json"
	"errors"
	"io"
	"sync"

	"github.com/dsrkit/dsrkit/policy"
)

// ErrNoKey is the error of a decision log given a consumer identifier
// (policy.ConsumerID) but no key to hash it with: the record is not
// written, rather than written with a hash anyone could recompute.
var ErrNoKey = errors.New("audit: a consumer identifier without a hash key")

// DecisionLog returns a policy.DecisionLogger (for policy.WithDecisionLog)
// that makes the Record of every decision the engine logs and hands it to
// sink: the host sees records, never decisions. The record's Consumer is
// ConsumerHash(key, id) of the identifier given to Decide with
// policy.ConsumerID, or "" for a decision made without one. A decision the
// record cannot be made of, a consumer identifier without a key
// (ErrNoKey), and an error of sink fail that decision's logging
// (policy.DecisionLogStats.Failed); the decision itself was made and
// returned long before.
func DecisionLog(key []byte, sink func(Record) error) policy.DecisionLogger {
	key = append([]byte(nil), key...)
	return policy.DecisionLoggerFunc(func(d policy.LoggedDecision) error {
		consumer := ""
		if d.ConsumerID != "" {
			if len(key) == 0 {
				return ErrNoKey
			}
			consumer = ConsumerHash(key, d.ConsumerID)
		}
		r, err := NewRecord(d.Decision, consumer)
		if err != nil {
			return err
		}
		return sink(r)
	})
}

// JSONLines returns a DecisionLog that writes each record to w as one line
// of JSON (what report.Read and `dsrkit report` read), with one Write per
// record. It is safe to share between engines: writes are serialised.
func JSONLines(key []byte, w io.Writer) policy.DecisionLogger {
	var mu sync.Mutex
	return DecisionLog(key, func(r Record) error {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		b = append(b, '\n')
		mu.Lock()
		defer mu.Unlock()
		_, err = w.Write(b)
		return err
	})
}
