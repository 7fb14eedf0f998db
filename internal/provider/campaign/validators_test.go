package campaign

import (
	"testing"
	"time"

	"github.com/oneapi-terraform/terraform-provider-oneapi/internal/provider/framework"
)

// TestTimeHintCanBeFollowed: the examples in the error about a badly
// written time are accepted by a new campaign's start_at check, at any hour
// of the day and in any time zone: copying the hint works.
func TestTimeHintCanBeFollowed(t *testing.T) {
	for _, name := range []string{"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Kyiv"} {
		zone, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		for hour := 0; hour < 24; hour++ {
			now := time.Date(2026, 12, 31, hour, 59, 59, 0, time.UTC)
			local, offset := timeExamples(now)
			for _, example := range []string{local, offset} {
				start, err := framework.ParseAccountTime(example, zone)
				if err != nil {
					t.Fatalf("%s: %v", example, err)
				}
				if err := startAtWindow(start, now, zone); err != nil {
					t.Errorf("at %s in %s the hint %q is refused: %v", now.Format(time.RFC3339), name, example, err)
				}
			}
		}
	}
}
