// Package stoplist is the account's stop list: the
// oneapi_stop_list_entries resource (the phones of one channel's stop list
// a configuration keeps there) and the oneapi_stop_list data source.
package stoplist
