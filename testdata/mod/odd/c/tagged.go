//go:build special

package c

func Special() {}
