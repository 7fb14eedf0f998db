// Package account is the account's reads: the oneapi_balance and
// oneapi_senders data sources.
package account
