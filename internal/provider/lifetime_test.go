package provider

import (
	"context"
	"testing"
	"time"
)

func TestAbandonCancelsAndWaitsForTheWork(t *testing.T) {
	w := newInflight()
	ctx, end := w.begin(context.Background())
	returned := make(chan struct{})
	go func() {
		<-ctx.Done() // the request gives up when canceled
		end()
		close(returned)
	}()
	if !w.abandon(time.Minute) {
		t.Fatal("abandon did not see the work return")
	}
	<-returned
	// Work that does not return is given up on after the grace.
	w = newInflight()
	_, _ = w.begin(context.Background())
	if w.abandon(10 * time.Millisecond) {
		t.Error("abandon reported work that never returned as returned")
	}
}
