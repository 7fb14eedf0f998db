// Package functions holds the provider-defined functions
// (provider::oneapi::NAME, Terraform 1.8 and later): what users would
// otherwise compute by hand, each one a thin wrapper around the code the
// provider's own validators and mappers use (framework's SMS count, phone
// reader and account times), so that a function and a plan never disagree.
// One file per function, named after it.
package functions
