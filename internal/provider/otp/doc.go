// Package otp is 2FA (one-time password) messaging: the
// oneapi_otp_template resource, its list resource, and the
// oneapi_otp_templates data source.
package otp
