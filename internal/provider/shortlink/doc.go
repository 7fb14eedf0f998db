// Package shortlink is the URL shortener: the oneapi_short_url_domain
// and oneapi_short_link resources and their list resources. Their ids are
// the platform's uuids.
package shortlink
