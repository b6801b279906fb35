// Package validate is a stub of github.com/gobuffalo/validate/v3 for tests; signatures mirror
// v3.3.3.
package validate

// Errors holds the validation errors of a model, by field.
type Errors struct {
	Errors map[string][]string
}

func (v *Errors) HasAny() bool { return v != nil && len(v.Errors) > 0 }
