package client

import "testing"

// SetRefreshPage sets the refresh's page[limit] for one test.
func SetRefreshPage(t *testing.T, n int) {
	t.Helper()
	old := refreshPage
	refreshPage = n
	t.Cleanup(func() { refreshPage = old })
}
