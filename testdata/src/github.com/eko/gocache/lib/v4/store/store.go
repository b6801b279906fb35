// Package store is a stub of github.com/eko/gocache/lib/v4/store: the option type.
package store

type Options struct{ tags []string }

type Option func(o *Options)
