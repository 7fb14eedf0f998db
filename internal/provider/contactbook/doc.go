// Package contactbook is the contact book: the oneapi_contact_list and
// oneapi_contact resources and the oneapi_contact_lists data source.
package contactbook
