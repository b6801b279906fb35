// Command gen writes the documentation generated from the checks' doc.yml files, package
// catalog and contract/go.mod (see package checkdoc): docs/checks/*.md, docs/catalog.md and
// passes/*/doc.go. Run it with `go generate ./...`.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"

	"github.com/tenantlint/tenantlint/internal/checkdoc"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("checkdoc: ")
	root := flag.String("root", ".", "the module's root `directory`")
	flag.Parse()
	files, _, err := checkdoc.Generate(*root)
	if err != nil {
		log.Fatal(err)
	}
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		file := filepath.Join(*root, filepath.FromSlash(p))
		if old, err := os.ReadFile(file); err == nil && bytes.Equal(old, files[p]) {
			continue
		}
		if err := os.WriteFile(file, files[p], 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", p)
	}
}
