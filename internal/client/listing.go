package client

import (
	"sync"
	"time"
)

// listing answers the reads of one plan or refresh from one list request.
// Terraform plans and reads each resource on its own, so a read that needs
// a whole list (a short link's, whose statistics do not say whether it is
// deleted; a campaign's tariff_code check) would otherwise list once per
// resource. A listing answers the reads that come within refreshTTL of its
// end and that it can answer (has); any other lists again, and so does
// every read after forget (this client changed one of the objects). Reads
// that come together wait for one listing.
type listing[T any] struct {
	mu  sync.Mutex
	at  time.Time
	all []T
	ok  bool
}

// get returns the listed objects, listing them when the last listing is
// older than refreshTTL, forgotten, or cannot answer (has false).
func (l *listing[T]) get(now func() time.Time, list func() ([]T, error), has func([]T) bool) ([]T, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ok && now().Sub(l.at) < refreshTTL && (has == nil || has(l.all)) {
		return l.all, nil
	}
	all, err := list()
	if err != nil {
		l.ok = false
		return nil, err
	}
	l.all, l.at, l.ok = all, now(), true
	return all, nil
}

// forget ends the listing's answers.
func (l *listing[T]) forget() {
	l.mu.Lock()
	l.ok = false
	l.mu.Unlock()
}
