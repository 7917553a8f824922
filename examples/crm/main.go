// Command crm is an example CRM backend that embeds dsrkit: an HTTP
// service that decides consumers' privacy requests (delete, opt out, opt
// in, may-we-ask-again), keeps each request, every decision taken on it
// and the decision's audit record in SQLite, and re-decides the open
// requests once a day so that deadlines at risk are escalated.
//
// The consumer is known to the database only by a keyed hash of the
// host's identifier (audit.ConsumerHash); the identifier itself is never
// stored. See README.md for the endpoints.
//
//	go run ./examples/crm -db /tmp/crm.db -key-file /path/to/key
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dsrkit/dsrkit/policy"
)

// keyEnv is the environment variable that holds the HMAC key when no
// -key-file is given.
const keyEnv = "DSRKIT_CRM_KEY"

// minKeyLen is the shortest HMAC key the service accepts, in bytes.
const minKeyLen = 16

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log, os.Args[1:]); err != nil {
		log.Error("crm", "err", err)
		os.Exit(1)
	}
}

// run parses the flags, opens the engine and the store and serves until
// SIGINT or SIGTERM.
func run(log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("crm", flag.ContinueOnError)
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	dbPath := fs.String("db", "crm.db", "SQLite database file (created if missing)")
	keyFile := fs.String("key-file", "", "file holding the HMAC key for consumer hashes (default: $"+keyEnv+")")
	policyPath := fs.String("policy", "", "policy directory or OPA bundle (default: the policy shipped with dsrkit)")
	playbook := fs.String("playbook", "", "playbook file, YAML or JSON (default: the seed procedure's)")
	every := fs.Duration("redecide-every", 24*time.Hour, "interval of the pass that re-decides open requests (0: never)")
	timeout := fs.Duration("timeout", DefaultTimeout, "deadline of the work on one HTTP request")
	seed := fs.String("seed", "", "glob of request documents to decide and store at start (e.g. testdata/cases/*/request.json)")
	var df drpFlags
	fs.StringVar(&df.agentID, "drp-agent-id", "", "the DRP authorised agent's id (agent-id); empty: no DRP endpoints")
	fs.StringVar(&df.businessID, "drp-business-id", "", "this business's DRP id (business-id)")
	fs.StringVar(&df.verifyKey, "drp-verify-key", "", "the agent's Ed25519 public key, base64")
	fs.StringVar(&df.tokenFile, "drp-token-file", "", "file holding the agent's bearer token (default: $"+drpTokenEnv+")")
	fs.StringVar(&df.businessFile, "drp-business", "", "JSON file of the business facts (policy.Business) exercises are decided with")
	fs.StringVar(&df.authorization, "drp-agent-authorization", "", "requester.authorization of the agent (e.g. signed_permission); empty: read from the exercise")
	fs.StringVar(&df.verificationURL, "drp-verification-url", "", "prefix of user_verification_url; the request id is appended")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	key, err := loadKey(*keyFile, os.Getenv(keyEnv))
	if err != nil {
		return err
	}

	drpConfig, err := df.load(os.Getenv(drpTokenEnv))
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var opts []policy.Option
	if *policyPath != "" {
		opts = append(opts, policy.WithDir(*policyPath))
	}
	if *playbook != "" {
		opts = append(opts, policy.WithPlaybookFile(*playbook))
	}
	eng, err := policy.New(ctx, opts...)
	if err != nil {
		return fmt.Errorf("loading the policy: %w", err)
	}
	info := eng.Info()
	log.Info("policy loaded", "revision", info.Revision, "digest", info.Digest, "playbook", info.Playbook.Name)

	store, err := OpenStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer store.Close()

	svc := &Service{
		Engine:  eng,
		Store:   store,
		Key:     key,
		Now:     func() time.Time { return time.Now().UTC() },
		Log:     log,
		Timeout: *timeout,
		DRP:     drpConfig,
	}
	if *seed != "" {
		rep, err := Seed(ctx, svc, *seed)
		if err != nil {
			return err
		}
		log.Info("seeded", "created", rep.Created, "stored_already", rep.Stored, "refused", len(rep.Refused))
		for _, r := range rep.Refused {
			log.Warn("seed refused", "request", r)
		}
	}
	if *every > 0 {
		go redecideEvery(ctx, svc, *every, log)
	}

	srv := &http.Server{
		Addr:              *addr,
		Handler:           svc.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening: %w", err)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("listening", "addr", ln.Addr().String(), "db", *dbPath)
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}

// redecideEvery runs the Redecide pass at start and then at every tick,
// by the service's clock, until ctx ends, and logs each report.
func redecideEvery(ctx context.Context, svc *Service, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		report, err := svc.Redecide(ctx, svc.Now())
		if err != nil {
			log.Error("redecide", "err", err)
		} else {
			log.Info("redecided", "as_of", report.AsOf, "requests", report.Redecided, "closed", report.Closed,
				"escalations", len(report.Escalations), "failed", len(report.Failed))
			for _, e := range report.Escalations {
				log.Warn("escalation", "request", e.RequestID, "trigger", e.Trigger, "level", e.Level, "to", e.To)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// loadKey returns the HMAC key: the content of file (without surrounding
// white space, so `openssl rand -hex 32 > key` works) when file is given,
// else env. A key shorter than minKeyLen bytes is refused.
func loadKey(file, env string) ([]byte, error) {
	key := []byte(env)
	source := "$" + keyEnv
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("reading the key: %w", err)
		}
		key, source = bytes.TrimSpace(b), file
	}
	if len(key) < minKeyLen {
		return nil, fmt.Errorf("the HMAC key (-key-file or $%s) must be at least %d bytes; %s has %d", keyEnv, minKeyLen, source, len(key))
	}
	return key, nil
}
