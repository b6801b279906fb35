// Package z is a stub of github.com/dgraph-io/ristretto/z (v1): the key constraint.
package z

type Key interface {
	~uint64 | ~string | ~[]byte | ~byte | ~int | ~uint | ~int32 | ~uint32 | ~int64
}
