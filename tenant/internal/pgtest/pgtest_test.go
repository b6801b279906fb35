package pgtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestStartQueryStop starts a server, runs a query through psql, and checks
// that Stop shuts it down and removes its directory. It does not depend on
// a Go driver so that the helper stays standard-library only.
func TestStartQueryStop(t *testing.T) {
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			s.Stop()
		}
	}()
	dsn, err := s.NewDatabase("probe")
	if err != nil {
		t.Fatal(err)
	}
	if want := "dbname=probe_1"; !bytes.Contains([]byte(dsn), []byte(want)) {
		t.Errorf("DSN %q does not name %s", dsn, want)
	}
	out, err := exec.Command(filepath.Join(s.bindir, "psql"), "-X", "-A", "-t",
		"-h", "127.0.0.1", "-p", strconv.Itoa(s.Port), "-U", "postgres", "-d", "probe_1",
		"-c", "SELECT current_database() || ' ' || current_setting('fsync')").CombinedOutput()
	if err != nil {
		t.Fatalf("psql: %v\n%s", err, out)
	}
	if got := string(bytes.TrimSpace(out)); got != "probe_1 off" {
		t.Errorf("query returned %q, want %q", got, "probe_1 off")
	}
	if _, err := s.CreateDatabase("bad;name"); err == nil {
		t.Error("CreateDatabase accepted a name that is not an identifier")
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	stopped = true
	if _, err := os.Stat(s.Dir); !os.IsNotExist(err) {
		t.Errorf("Stop left %s behind (stat: %v)", s.Dir, err)
	}
	if s.cmd.ProcessState == nil {
		t.Error("postgres process was not reaped")
	}
}

func TestBinDirOverride(t *testing.T) {
	t.Setenv("PGTEST_BINDIR", t.TempDir())
	_, err := BinDir()
	if err == nil {
		t.Fatal("BinDir accepted an empty PGTEST_BINDIR")
	}
	if !strings.Contains(err.Error(), "scripts/postgres.sh install") {
		t.Errorf("error %q does not tell how to install PostgreSQL", err)
	}
}
