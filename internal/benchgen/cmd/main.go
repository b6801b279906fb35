// Command cmd writes benchmark modules: one directory per size under -dir.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/tenantlint/tenantlint/internal/benchgen"
)

func main() {
	sizes := flag.String("sizes", "10,100,1000", "comma-separated numbers of packages")
	dir := flag.String("dir", ".cache/bench", "output directory")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(s)
		if err != nil {
			log.Fatalf("-sizes: %v", err)
		}
		out := filepath.Join(*dir, s)
		os.RemoveAll(out)
		if err := benchgen.Generate(out, n); err != nil {
			log.Fatal(err)
		}
	}
}
