// Package plain has nothing to report; its test looks at the configuration it gets.
package plain

func F() {}
