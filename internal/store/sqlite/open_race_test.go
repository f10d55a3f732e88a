package sqlite

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentCreate opens one new database from several connections at
// once, as an ingest and a query in two processes do: the schema is made
// once and every open succeeds.
func TestConcurrentCreate(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "race.db")
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := Open(context.Background(), path, Options{})
				if err == nil {
					err = s.Close()
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d, open %d: %v", round, i, err)
			}
		}
	}
}
