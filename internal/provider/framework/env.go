package framework

// Environment variables the provider reads when an attribute is not set.
const (
	EnvAPIKey   = "ONEAPI_API_KEY" //nolint:gosec // the variable's name, not a credential
	EnvToken    = "ONEAPI_TOKEN"
	EnvEndpoint = "ONEAPI_ENDPOINT"
	EnvTimeZone = "ONEAPI_TIME_ZONE"
)
