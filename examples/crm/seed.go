package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// SeedReport is what Seed loaded.
type SeedReport struct {
	Created int // new requests decided and stored
	Stored  int // requests the database had already (same document, same consumer)
	// Refused are the files the engine refused as requests (file: error);
	// they are skipped.
	Refused []string
}

// Seed decides and stores every request document matching the glob
// pattern (e.g. "../../testdata/cases/*/request.json"), in name order, for
// a made-up consumer named after the file's directory ("seed:<dir>"). A
// document with its own as_of is decided as of it, as POST /requests does;
// seeding twice stores nothing new. A file the engine refuses is listed in
// Refused and skipped; any other error stops the seeding.
func Seed(ctx context.Context, s *Service, pattern string) (SeedReport, error) {
	var rep SeedReport
	files, err := filepath.Glob(pattern)
	if err != nil {
		return rep, fmt.Errorf("seed %q: %w", pattern, err)
	}
	if len(files) == 0 {
		return rep, fmt.Errorf("seed %q: %w", pattern, os.ErrNotExist)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return rep, fmt.Errorf("seed: %w", err)
		}
		_, created, err := s.Submit(ctx, "seed:"+filepath.Base(filepath.Dir(f)), b)
		switch {
		case err == nil && created:
			rep.Created++
		case err == nil:
			rep.Stored++
		case errors.Is(err, ErrConflict):
			rep.Refused = append(rep.Refused, fmt.Sprintf("%s: %v", f, err))
		default:
			if _, ok := isInvalid(err); ok {
				rep.Refused = append(rep.Refused, fmt.Sprintf("%s: %v", f, err))
				continue
			}
			return rep, fmt.Errorf("seed %s: %w", f, err)
		}
	}
	return rep, nil
}
