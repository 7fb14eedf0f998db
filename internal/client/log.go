package client

import (
	"net/http"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

func logRequest(_ retryablehttp.Logger, req *http.Request, attempt int) {
	tflog.Debug(req.Context(), "One-API request", map[string]any{
		"method":  req.Method,
		"url":     req.URL.String(),
		"attempt": attempt + 1,
	})
}

func logResponse(_ retryablehttp.Logger, resp *http.Response) {
	tflog.Debug(resp.Request.Context(), "One-API response", map[string]any{
		"method":      resp.Request.Method,
		"url":         resp.Request.URL.String(),
		"status":      resp.StatusCode,
		"retry_after": resp.Header.Get("Retry-After"),
	})
}
