package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go

	"github.com/dsrkit/dsrkit/audit"
)

// ErrNotFound is returned for a request id the store does not hold.
var ErrNotFound = errors.New("request not found")

// schema is created on start; every statement is idempotent.
//
// A request is stored once, with the consumer's keyed hash and never the
// consumer's own identifier. Each decision taken on it is appended to
// decisions (the latest is the current one), and each decision's audit
// record to audit_records: the 3-year log, which holds no personal data.
const schema = `
CREATE TABLE IF NOT EXISTS requests (
	id            TEXT PRIMARY KEY,
	consumer_hash TEXT NOT NULL,
	kind          TEXT NOT NULL,
	request_json  TEXT NOT NULL,
	open          INTEGER NOT NULL,
	created_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS requests_consumer ON requests (consumer_hash);
CREATE INDEX IF NOT EXISTS requests_open ON requests (open);

CREATE TABLE IF NOT EXISTS decisions (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	request_id    TEXT NOT NULL REFERENCES requests (id),
	as_of         TEXT NOT NULL,
	outcome       TEXT NOT NULL,
	decision_json TEXT NOT NULL,
	created_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_request ON decisions (request_id, id);

CREATE TABLE IF NOT EXISTS audit_records (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	request_id    TEXT NOT NULL REFERENCES requests (id),
	decision_id   INTEGER NOT NULL REFERENCES decisions (id),
	consumer_hash TEXT NOT NULL,
	kind          TEXT NOT NULL,
	outcome       TEXT NOT NULL,
	policy_digest TEXT NOT NULL,
	record_json   TEXT NOT NULL,
	created_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_records_request ON audit_records (request_id);
CREATE INDEX IF NOT EXISTS audit_records_consumer ON audit_records (consumer_hash);
`

// requestKey is the column, added to a database made before it, that makes
// POST /requests idempotent: the request document's own id (the host's
// id of the request), unique when given.
const requestKey = `
CREATE UNIQUE INDEX IF NOT EXISTS requests_key ON requests (request_key);
`

// Store keeps requests, their decisions and the audit records in one
// SQLite database file. It is safe for concurrent use: the database is in
// WAL mode (readers do not block the writer), every write transaction
// takes the write lock when it begins, and a writer waits up to
// busyTimeout for another to finish instead of failing.
type Store struct {
	db *sql.DB
}

// Row is one stored request with one of its decisions (the latest, when
// read back).
type Row struct {
	ID           string          // the service's id of the request
	Key          string          // the request document's own id, "" when it has none
	ConsumerHash string          // audit.ConsumerHash of the consumer's id
	Kind         string          // the request kind
	Request      json.RawMessage // the request document, as posted
	Open         bool            // whether the request is still open (see isOpen)
	Decision     json.RawMessage // the decision document
	AsOf         string          // the decision's as_of
	Outcome      string          // the decision's outcome
	DecidedAt    time.Time       // when the decision was stored, by the service's clock
}

// busyTimeout is how long a writer waits for the database's write lock.
const busyTimeout = 5 * time.Second

// OpenStore opens (creating if need be) the database file at path and
// creates the schema.
func OpenStore(ctx context.Context, path string) (*Store, error) {
	dsn := fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate",
		path, busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, schema+drpSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("creating the schema in %s: %w", path, err)
	}
	if err := addRequestKey(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("adding the request key in %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// addRequestKey adds requests.request_key and its unique index where they
// are missing.
func addRequestKey(ctx context.Context, db *sql.DB) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('requests') WHERE name = 'request_key'`).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		if _, err := db.ExecContext(ctx, `ALTER TABLE requests ADD COLUMN request_key TEXT`); err != nil {
			return err
		}
	}
	_, err := db.ExecContext(ctx, requestKey)
	return err
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.db.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// ErrKeyTaken is returned by CreateRequest when a request with the same
// Key is stored already.
var ErrKeyTaken = errors.New("a request with this id is stored already")

// CreateRequest stores a new request with its first decision and that
// decision's audit record, in one transaction. A request whose Key another
// stored request has is not stored: the error matches ErrKeyTaken.
func (s *Store) CreateRequest(ctx context.Context, r Row, rec audit.Record) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`INSERT INTO requests (id, request_key, consumer_hash, kind, request_json, open, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (request_key) DO NOTHING`,
			r.ID, nullable(r.Key), r.ConsumerHash, r.Kind, string(r.Request), r.Open, timestamp(r.DecidedAt))
		if err != nil {
			return fmt.Errorf("inserting request %s: %w", r.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("inserting request %s: %w", r.ID, err)
		} else if n == 0 {
			return fmt.Errorf("request %q: %w", r.Key, ErrKeyTaken)
		}
		return insertDecision(ctx, tx, r, rec)
	})
}

// GetByKey returns the request whose document's id is key, with its latest
// decision, or ErrNotFound.
func (s *Store) GetByKey(ctx context.Context, key string) (Row, error) {
	rows, err := s.db.QueryContext(ctx, selectLatest+` WHERE r.request_key = ?`, key)
	if err != nil {
		return Row{}, fmt.Errorf("reading request %q: %w", key, err)
	}
	found, err := scanRows(rows)
	if err != nil {
		return Row{}, fmt.Errorf("reading request %q: %w", key, err)
	}
	if len(found) == 0 {
		return Row{}, fmt.Errorf("request %q: %w", key, ErrNotFound)
	}
	return found[0], nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ErrStale is returned by AddDecision and UpdateRequest when the stored
// request document is no longer the one that was decided (an event was
// recorded meanwhile): nothing is stored, the newer decision stays.
var ErrStale = errors.New("the request changed meanwhile")

// AddDecision appends a new decision on a stored request and its audit
// record, and updates whether the request is open, in one transaction.
// r.Request is the document that was decided: when the stored one is
// another, nothing is stored and the error matches ErrStale.
func (s *Store) AddDecision(ctx context.Context, r Row, rec audit.Record) error {
	return s.UpdateRequest(ctx, r, r.Request, rec)
}

// UpdateRequest replaces the stored document of request r.ID, which must
// still be old, by r.Request, with r's decision and its audit record, and
// updates whether the request is open, in one transaction. When the stored
// document is not old, nothing is stored and the error matches ErrStale.
func (s *Store) UpdateRequest(ctx context.Context, r Row, old json.RawMessage, rec audit.Record) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE requests SET request_json = ?, open = ? WHERE id = ? AND request_json = ?`,
			string(r.Request), r.Open, r.ID, string(old))
		if err != nil {
			return fmt.Errorf("updating request %s: %w", r.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("updating request %s: %w", r.ID, err)
		} else if n == 0 {
			var exists int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM requests WHERE id = ?`, r.ID).Scan(&exists); err != nil {
				return fmt.Errorf("updating request %s: %w", r.ID, err)
			}
			if exists == 0 {
				return fmt.Errorf("request %s: %w", r.ID, ErrNotFound)
			}
			return fmt.Errorf("request %s: %w", r.ID, ErrStale)
		}
		return insertDecision(ctx, tx, r, rec)
	})
}

func insertDecision(ctx context.Context, tx *sql.Tx, r Row, rec audit.Record) error {
	res, err := tx.ExecContext(ctx,
		`INSERT INTO decisions (request_id, as_of, outcome, decision_json, created_at) VALUES (?, ?, ?, ?, ?)`,
		r.ID, r.AsOf, r.Outcome, string(r.Decision), timestamp(r.DecidedAt))
	if err != nil {
		return fmt.Errorf("inserting a decision on request %s: %w", r.ID, err)
	}
	decisionID, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("inserting a decision on request %s: %w", r.ID, err)
	}
	recJSON, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encoding the audit record of request %s: %w", r.ID, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO audit_records (request_id, decision_id, consumer_hash, kind, outcome, policy_digest, record_json, created_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, decisionID, rec.Consumer, rec.Kind, rec.Outcome, rec.Policy.Digest, string(recJSON), timestamp(r.DecidedAt)); err != nil {
		return fmt.Errorf("inserting the audit record of request %s: %w", r.ID, err)
	}
	return nil
}

// selectLatest reads requests joined with their latest decision.
const selectLatest = `
SELECT r.id, coalesce(r.request_key, ''), r.consumer_hash, r.kind, r.request_json, r.open,
       d.decision_json, d.as_of, d.outcome, d.created_at
FROM requests r
JOIN decisions d ON d.id = (SELECT max(id) FROM decisions WHERE request_id = r.id)`

// Get returns the request with the given id and its latest decision, or
// ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Row, error) {
	rows, err := s.db.QueryContext(ctx, selectLatest+` WHERE r.id = ?`, id)
	if err != nil {
		return Row{}, fmt.Errorf("reading request %s: %w", id, err)
	}
	found, err := scanRows(rows)
	if err != nil {
		return Row{}, fmt.Errorf("reading request %s: %w", id, err)
	}
	if len(found) == 0 {
		return Row{}, fmt.Errorf("request %s: %w", id, ErrNotFound)
	}
	return found[0], nil
}

// OpenRequests returns every open request with its latest decision, in
// the order they were stored.
func (s *Store) OpenRequests(ctx context.Context) ([]Row, error) {
	rows, err := s.db.QueryContext(ctx, selectLatest+` WHERE r.open ORDER BY r.rowid`)
	if err != nil {
		return nil, fmt.Errorf("reading the open requests: %w", err)
	}
	found, err := scanRows(rows)
	if err != nil {
		return nil, fmt.Errorf("reading the open requests: %w", err)
	}
	return found, nil
}

func scanRows(rows *sql.Rows) ([]Row, error) {
	defer rows.Close()
	var found []Row
	for rows.Next() {
		var (
			r                     Row
			request, dec, decided string
		)
		if err := rows.Scan(&r.ID, &r.Key, &r.ConsumerHash, &r.Kind, &request, &r.Open, &dec, &r.AsOf, &r.Outcome, &decided); err != nil {
			return nil, err
		}
		t, err := time.Parse(time.RFC3339Nano, decided)
		if err != nil {
			return nil, fmt.Errorf("request %s: decision time %q: %w", r.ID, decided, err)
		}
		r.Request, r.Decision, r.DecidedAt = json.RawMessage(request), json.RawMessage(dec), t
		found = append(found, r)
	}
	return found, rows.Err()
}

// inTx runs f in a write transaction, committing if f succeeds.
func (s *Store) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("beginning a transaction: %w", err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	return nil
}

// timeLayout is how times are stored: RFC 3339 in UTC with a fixed number
// of digits, so that they sort as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func timestamp(t time.Time) string { return t.UTC().Format(timeLayout) }

// AuditRecords returns every audit record, in the order they were stored
// (so a request's latest record comes last, as report.Compute counts it).
func (s *Store) AuditRecords(ctx context.Context) ([]audit.Record, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT record_json FROM audit_records ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("reading the audit records: %w", err)
	}
	defer rows.Close()
	var out []audit.Record
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			return nil, fmt.Errorf("reading the audit records: %w", err)
		}
		var rec audit.Record
		if err := json.Unmarshal([]byte(b), &rec); err != nil {
			return nil, fmt.Errorf("reading an audit record: %w", err)
		}
		out = append(out, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the audit records: %w", err)
	}
	return out, nil
}
