// Package account is the account: the oneapi_balance and oneapi_senders
// data sources, and the oneapi_sender_registration resource (an
// application for a sender name) with its list resource.
package account
