// Package framework is what every object family of the provider shares, so
// that a rule lives in one place: the resource and data source bases
// (Configure takes the provider's client), the bound of a read, the
// records kept in private state, the diagnostics constructors, ids and
// value helpers, and the string rules more than one family uses. It
// imports no family (internal/provider/README.md).
package framework
