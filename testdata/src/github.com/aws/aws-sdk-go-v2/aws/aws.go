// Package aws is a stub of the AWS SDK v2's aws package for the storageapp fixture; contract/
// checks its signatures against the real module.
package aws

func String(v string) *string { return &v }
