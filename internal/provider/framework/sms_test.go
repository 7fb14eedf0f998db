package framework

import "testing"

func TestSMSLength(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		n    int
		gsm  bool
	}{
		{"Hello", 5, true},
		{"Price: 5€ [promo]", 20, true},
		{"Привет", 6, false},
		{"Hi 😀", 5, false},
	}
	for _, tt := range tests {
		n, gsm := SMSLength(tt.text)
		if n != tt.n || gsm != tt.gsm {
			t.Errorf("%q: %d gsm=%v, want %d gsm=%v", tt.text, n, gsm, tt.n, tt.gsm)
		}
	}
}
