// Package runtime is a stub of github.com/oapi-codegen/runtime for tests.
package runtime

import "net/url"

func BindQueryParameter(style string, explode bool, required bool, paramName string,
	queryParams url.Values, dest interface{}) error {
	return nil
}

func BindStyledParameterWithOptions(style string, paramName string, value string, dest any, opts BindStyledParameterOptions) error {
	return nil
}

// BindStyledParameterOptions are the options of BindStyledParameterWithOptions.
type BindStyledParameterOptions struct {
	ParamLocation int
	Explode       bool
	Required      bool
}
