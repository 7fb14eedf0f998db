package clock

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRealSleepEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Real().Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("Sleep on an ended context returned %v, want context.Canceled", err)
	}
	if err := Real().Sleep(context.Background(), time.Millisecond); err != nil {
		t.Fatalf("Sleep returned %v", err)
	}
}

func TestFakeMovesOnlyWhenAsked(t *testing.T) {
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	f := NewFake(start)
	if err := f.Sleep(context.Background(), 2*time.Second); err != nil {
		t.Fatal(err)
	}
	f.Advance(time.Minute)
	if got, want := f.Now(), start.Add(62*time.Second); !got.Equal(want) {
		t.Fatalf("Now = %v, want %v", got, want)
	}
	if got := f.Sleeps(); len(got) != 1 || got[0] != 2*time.Second {
		t.Fatalf("Sleeps = %v, want [2s]", got)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.Sleep(ctx, time.Second); err == nil {
		t.Fatal("Sleep on an ended context returned nil")
	}
}
