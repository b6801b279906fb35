package plugin

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/config"
	"github.com/tenantlint/tenantlint/passes/all"
)

// Name is the linter's name in golangci-lint: in linters.enable, in
// linters.settings.custom and in //nolint:tenantlint.
const Name = "tenantlint"

// settingsName names the settings in errors, as golangci-lint's configuration spells the key.
const settingsName = "golangci-lint settings (linters.settings.custom.tenantlint.settings)"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the registered linter.
type Plugin struct{}

// New passes the settings to the analyzers as their flags, the way every driver configures
// them: -nolint=driver, and -settings with the settings as JSON when there are any (without,
// each package uses its nearest .tenantlint.yml). It is called by golangci-lint once per run,
// before any analysis.
func New(settings any) (register.LinterPlugin, error) {
	data, err := decode(settings)
	if err != nil {
		return nil, err
	}
	if err := config.Analyzer.Flags.Set("nolint", "driver"); err != nil {
		return nil, err
	}
	if err := config.Analyzer.Flags.Set("settings", string(data)); err != nil {
		return nil, err
	}
	return &Plugin{}, nil
}

// decode turns the settings golangci-lint read from its YAML, JSON or TOML file into JSON, and
// validates them with config.Parse exactly as .tenantlint.yml is, so that an error names the
// golangci-lint key. Absent or empty settings give nil.
func decode(settings any) ([]byte, error) {
	if settings == nil {
		return nil, nil
	}
	m, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", settingsName, err)
	}
	if len(m) == 0 {
		return nil, nil
	}
	data, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", settingsName, err)
	}
	if _, err := config.Parse(data, ""); err != nil {
		return nil, rename(err)
	}
	return data, nil
}

// rename makes config.Parse's errors name the settings rather than a file, and drops their
// line numbers, which count lines of the re-encoded settings, not of the user's file.
func rename(err error) error {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	out := make([]error, len(list))
	for i, e := range list {
		var ce *config.Error
		if errors.As(e, &ce) {
			c := *ce
			c.File, c.Line = settingsName, 0
			e = &c
		}
		out[i] = e
	}
	return errors.Join(out...)
}

// BuildAnalyzers returns the one analyzer that runs every check.
func (*Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{all.Analyzer}, nil
}

// GetLoadMode asks for type information: the checks follow values through types and SSA.
func (*Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
