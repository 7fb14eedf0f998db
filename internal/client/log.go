package client

import (
	"context"
	"net/http"
	"regexp"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// jwtPattern matches anything shaped like a JWT so that no token reaches a
// log line, whatever field or message carries it.
var jwtPattern = regexp.MustCompile(`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`)

// withLogMasks makes every tflog call below ctx mask the API key, JWTs and
// the Authorization header.
func withLogMasks(ctx context.Context, apiKey string) context.Context {
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, "authorization", "api_key", "token", "bearer")
	ctx = tflog.MaskAllFieldValuesRegexes(ctx, jwtPattern)
	ctx = tflog.MaskMessageRegexes(ctx, jwtPattern)
	if apiKey != "" {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, apiKey)
		ctx = tflog.MaskMessageStrings(ctx, apiKey)
	}
	return ctx
}

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
