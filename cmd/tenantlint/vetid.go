package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"github.com/tenantlint/tenantlint/config"
)

// printVetToolID answers go vet's -V=full. go vet caches each package's result under an ID made
// from this answer and the package's Go inputs; .tenantlint.yml and the schema files it names
// are not among the inputs the go command knows, so without this an edit to them would leave
// go vet replaying the findings of the old configuration. The answer hashes the executable (as
// unitchecker's own does) and the configuration found from dir, the directory go vet runs in,
// with its schema files: an edit makes a new tool, and go vet analyses again.
func printVetToolID(stdout io.Writer, dir string) error {
	h := sha256.New()
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	if err := hashFile(h, exe); err != nil {
		return err
	}
	if file, err := config.Find(dir); err == nil && file != "" {
		fmt.Fprintf(h, "\x00config %s\x00", file)
		_ = hashFile(h, file)
		if cfg, err := config.Load(file); err == nil {
			for _, s := range cfg.Tables.SchemaFiles {
				fmt.Fprintf(h, "\x00schema %s\x00", s)
				_ = hashFile(h, s)
			}
		}
	}
	_, err = fmt.Fprintf(stdout, "tenantlint version devel comments-go-here buildID=%02x\n", h.Sum(nil))
	return err
}

func hashFile(h io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}
