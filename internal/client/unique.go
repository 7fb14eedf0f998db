package client

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// The create of an object whose name the API keeps unique (a contact
// list, a short-link domain, a 2FA template), in one place. It is sent
// once. A refusal of the name names the object that has it. A lost answer
// is recovered by the name: the object of that name is this create's when
// its times prove it was made since the create began (less the clock
// margin); an older one was there before, and the create is refused as a
// duplicate; when none is found, the create never took effect and is sent
// once more, which is safe since the name is unique and such an object
// sends nothing.
type uniqueCreate[T any] struct {
	// kind names the object in errors ("contact list"); name is its name.
	kind, name string
	// send sends the create.
	send func() (*T, error)
	// taken reports the API's refusal of a name in use.
	taken func(error) bool
	// find returns the object of this name, or nil.
	find func() (*T, error)
	// duplicate is the error of a name in use: existing (nil when it was
	// not found) has it; err is the refusal.
	duplicate func(existing *T, err error) error
	// older says why the object found is not the one this create made, ""
	// when it was made at or after since.
	older func(found *T, since time.Time) string
	// recovered marks an object returned after a lost answer, saying how.
	recovered func(*T, string)
	// whole, when set, reads a found object whole (the list leaves out
	// fields the create's answer has).
	whole func(*T) *T
}

// createUnique is the create of an object of a unique name (uniqueCreate).
func createUnique[T any](ctx context.Context, c *Client, u uniqueCreate[T]) (*T, error) {
	started := c.clock.Now()
	v, err := u.send()
	var amb *AmbiguousCreateError
	switch {
	case err == nil:
		return v, nil
	case u.taken(err):
		existing, _ := u.find()
		return nil, u.duplicate(existing, err)
	case errors.As(err, &amb):
		return recoverUnique(ctx, c, u, started, amb)
	}
	return nil, err
}

// recoverUnique finds the object a lost create made, or sends it again
// when there is none (uniqueCreate).
func recoverUnique[T any](ctx context.Context, c *Client, u uniqueCreate[T], started time.Time, amb *AmbiguousCreateError) (*T, error) {
	for range 3 {
		v, err := u.find()
		if err == nil && v != nil {
			if why := u.older(v, started.Add(-recoverClockMargin)); why != "" {
				amb.Detail = why
				return nil, u.duplicate(v, amb)
			}
			if u.whole != nil {
				v = u.whole(v)
			}
			u.recovered(v, fmt.Sprintf("found by its name %q", u.name))
			return v, nil
		}
		if c.clock.Sleep(ctx, time.Second) != nil {
			break
		}
	}
	v, err := u.send()
	if err == nil {
		u.recovered(v, "created by a second request, after the first made none")
		return v, nil
	}
	amb.Detail = fmt.Sprintf("no %s named %q was found, and sending the create again failed too (%v)", u.kind, u.name, err)
	return nil, amb
}
