package config

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Analyzer finds and loads the configuration for each package. Every
// tenantlint analyzer lists it in Requires and reads the result:
//
//	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
//
// The result is never nil. An invalid file fails the analysis with the
// file's errors.
var Analyzer = &analysis.Analyzer{
	Name: "tenantlintconfig",
	Doc: `load the tenantlint configuration

Finds the nearest .tenantlint.yml (or .tenantlint.yaml) in the package's
directory or above and validates it; with no file, the defaults apply.
The -config flag names a file to use instead; the -settings flag gives
the configuration itself, for drivers that read no files (nogo) and for
the golangci-lint plugin.`,
	Run:        run,
	ResultType: reflect.TypeOf((*Config)(nil)),
	// Loading reads no type information, and analyzers that run despite
	// type errors still need their configuration.
	RunDespiteErrors: true,
}

// The analyzer's flags, the options of a whole run: every tenantlint analyzer requires this one,
// so they are set once, on it (a top-level analyzer's own flags would be read too late).
var (
	// configFlag is -config: a file to use instead of looking one up.
	configFlag string
	// settingsFlag is -settings: the configuration itself, used in preference to -config and to
	// looking up a file; nil when the flag is not given (or given as "").
	settingsFlag *Config
	// nolintFlag is -nolint: who applies //nolint comments, tenantlint or the driver.
	nolintFlag = "tenantlint"
)

func init() {
	Analyzer.Flags.StringVar(&configFlag, "config", "", "configuration `file` to use instead of the nearest .tenantlint.yml")
	Analyzer.Flags.Func("nolint", "who applies //nolint comments: tenantlint (default) or driver (golangci-lint, which applies them itself and reports the unused ones)", func(v string) error {
		if v != "tenantlint" && v != "driver" {
			return fmt.Errorf("-nolint: %q is neither tenantlint nor driver", v)
		}
		nolintFlag = v
		return nil
	})
	Analyzer.Flags.Func("settings", "the configuration itself, as JSON or YAML with the keys of .tenantlint.yml: every package uses it, in preference to -config and to looking up a file; relative schema globs are read from the working directory", func(v string) error {
		if strings.TrimSpace(v) == "" {
			settingsFlag = nil
			return nil
		}
		c, err := Parse([]byte(v), "")
		if err != nil {
			return err
		}
		c.File = settingsName
		settingsFlag = c
		return nil
	})
}

// File is the -config flag's value: the file every package uses, "" to look one up per package.
func File() string { return configFlag }

// NolintByDriver reports whether the driver applies //nolint comments (-nolint=driver): then
// tenantlint neither applies them nor reports them as malformed or unused. The golangci-lint
// plugin sets it, because golangci-lint applies //nolint:tenantlint itself and its nolintlint
// linter reports the unused ones; if tenantlint also consumed them, golangci-lint would never see
// them used. //tenantlint:ignore and //tenantlint:crosstenant are honoured either way.
func NolintByDriver() bool { return nolintFlag == "driver" }

var (
	// loaded caches each file by absolute path: analyzers run over many
	// packages at once, and a file must be read (and fail) only once.
	loaded sync.Map // string → *loadOnce
	// defaults is shared by every package that has no file.
	defaults = Default()
)

type loadOnce struct {
	once sync.Once
	cfg  *Config
	err  error
}

func run(pass *analysis.Pass) (any, error) {
	if settingsFlag != nil {
		return settingsFlag, nil
	}
	path := configFlag
	if path == "" {
		dir := PackageDir(pass.Fset, pass.Files)
		if dir == "" {
			return defaults, nil
		}
		var err error
		if path, err = Find(dir); err != nil {
			return nil, err
		}
		if path == "" {
			return defaults, nil
		}
	}
	return load(path)
}

// load returns the file at path, loading it once per process.
func load(path string) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	v, _ := loaded.LoadOrStore(abs, new(loadOnce))
	l := v.(*loadOnce)
	l.once.Do(func() { l.cfg, l.err = Load(abs) })
	return l.cfg, l.err
}

// PackageDir returns the directory of the package's source files, or ""
// if it has none. Files that cgo rewrote live in the build cache or in the
// go command's work directory and carry //line directives back to the
// source, so a file that exists outside those is preferred, remapped or not.
func PackageDir(fset *token.FileSet, files []*ast.File) string {
	for _, f := range files {
		for _, name := range []string{fset.PositionFor(f.Package, false).Filename, fset.Position(f.Package).Filename} {
			if name == "" || !strings.HasSuffix(name, ".go") || inBuildCache(name) {
				continue
			}
			if _, err := os.Stat(name); err == nil {
				return filepath.Dir(name)
			}
		}
	}
	if len(files) > 0 {
		if name := fset.PositionFor(files[0].Package, false).Filename; name != "" {
			return filepath.Dir(name)
		}
	}
	return ""
}

// inBuildCache reports whether a file lives in the go build cache, where cgo's generated files
// (_cgo_gotypes.go and the rewritten sources) are: they say nothing about where the package is.
func inBuildCache(name string) bool {
	cache := os.Getenv("GOCACHE")
	if cache == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			cache = filepath.Join(dir, "go-build")
		}
	}
	if cache != "" && strings.HasPrefix(name, cache+string(filepath.Separator)) {
		return true
	}
	// The go command's work directory ($WORK, e.g. /tmp/go-build1234/b001) holds cgo's output
	// during go vet.
	return strings.Contains(name, string(filepath.Separator)+"go-build")
}
