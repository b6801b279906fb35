// Package pgtest starts a private PostgreSQL server for a test binary.
//
// The runtime's database tests run against real PostgreSQL, never a mock.
// Each test binary that needs it calls [Main] from TestMain: it finds the
// PostgreSQL binaries, runs initdb into a temporary directory, starts
// postgres on a free loopback port with its unix socket in that directory,
// runs the tests, then stops the server and removes the directory.
//
// If the binaries are missing, the test binary fails (it never skips) with a
// message telling to run `scripts/postgres.sh install`.
//
// PostgreSQL refuses to run as root. When the tests run as root, initdb and
// postgres run as an unprivileged user ("postgres" if it exists, else
// "nobody") and the temporary directory is chowned to it. The switch is made
// by the kernel at exec (syscall.Credential), the equivalent of
// `runuser -u postgres --` without an intermediate process: signals then
// reach postgres itself, so that Stop (and the death of the test binary)
// shut it down instead of orphaning it.
package pgtest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Server is a running private PostgreSQL server.
type Server struct {
	// Port is the loopback TCP port the server listens on.
	Port int
	// Dir is the temporary directory holding the data directory, the
	// socket and the log.
	Dir string

	bindir  string
	runAs   *user.User // nil when not running as root
	cmd     *exec.Cmd
	exited  chan struct{} // closed when cmd has exited
	waitErr error

	mu  sync.Mutex
	dbs int // counter for NewDatabase
}

// installHint is repeated in every error about missing binaries.
const installHint = "PostgreSQL server binaries (initdb, postgres) not found: run `scripts/postgres.sh install` (or set PGTEST_BINDIR)"

// Main starts a server, stores it in *srv, runs the tests and stops the
// server. It exits the process: call it as the whole body of TestMain.
// A server that cannot start fails the test binary.
func Main(m *testing.M, srv **Server) {
	s, err := Start()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		fmt.Println("FAIL")
		os.Exit(1)
	}
	*srv = s
	code := m.Run()
	if err := s.Stop(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: stopping the server: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// BinDir returns the directory holding initdb and postgres: $PGTEST_BINDIR,
// else `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin, else
// the directory of initdb on $PATH.
func BinDir() (string, error) {
	has := func(dir string) bool {
		for _, b := range []string{"initdb", "postgres", "pg_isready", "createdb"} {
			if fi, err := os.Stat(filepath.Join(dir, b)); err != nil || fi.IsDir() {
				return false
			}
		}
		return true
	}
	if dir := os.Getenv("PGTEST_BINDIR"); dir != "" {
		if has(dir) {
			return dir, nil
		}
		return "", fmt.Errorf("PGTEST_BINDIR=%s does not hold initdb, postgres, pg_isready and createdb; %s", dir, installHint)
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); has(dir) {
			return dir, nil
		}
	}
	// Debian installs the server outside $PATH, one directory per major
	// version; prefer the newest.
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return majorOf(dirs[i]) > majorOf(dirs[j]) })
	for _, dir := range dirs {
		if has(dir) {
			return dir, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil && has(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	return "", errors.New(installHint)
}

var majorRE = regexp.MustCompile(`/postgresql/(\d+)/`)

func majorOf(dir string) int {
	m := majorRE.FindStringSubmatch(dir)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// unprivileged returns the user to run PostgreSQL as when we are root.
func unprivileged() (*user.User, error) {
	for _, name := range []string{"postgres", "nobody"} {
		if u, err := user.Lookup(name); err == nil && u.Uid != "0" {
			return u, nil
		}
	}
	return nil, errors.New("running as root and neither a \"postgres\" nor a \"nobody\" user exists to run PostgreSQL as")
}

// Start initializes and starts a server. Call Stop when done.
func Start() (*Server, error) {
	bindir, err := BinDir()
	if err != nil {
		return nil, err
	}
	s := &Server{bindir: bindir}
	if os.Geteuid() == 0 {
		if s.runAs, err = unprivileged(); err != nil {
			return nil, err
		}
	}
	if s.Dir, err = os.MkdirTemp("", "pgtest-"); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			s.kill()
			os.RemoveAll(s.Dir)
		}
	}()
	if s.runAs != nil {
		uid, _ := strconv.Atoi(s.runAs.Uid)
		gid, _ := strconv.Atoi(s.runAs.Gid)
		if err := os.Chown(s.Dir, uid, gid); err != nil {
			return nil, err
		}
	}
	// trust auth on a private loopback server; --no-sync because the
	// cluster is thrown away.
	if out, err := s.command("initdb", "-D", s.dataDir(), "-U", "postgres", "-A", "trust",
		"-E", "UTF8", "--locale=C", "--no-sync").CombinedOutput(); err != nil {
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	// The port is chosen by the kernel and released just before postgres
	// binds it; another process may grab it in between, so retry.
	for attempt := 0; ; attempt++ {
		err = s.startPostgres()
		if err == nil {
			break
		}
		if attempt == 4 {
			return nil, err
		}
	}
	ok = true
	return s, nil
}

func (s *Server) dataDir() string { return filepath.Join(s.Dir, "data") }
func (s *Server) logFile() string { return filepath.Join(s.Dir, "postgres.log") }

// command builds a command running a PostgreSQL binary, as the unprivileged
// user when we are root.
func (s *Server) command(bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(s.bindir, bin), args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{}
	if s.runAs != nil {
		uid, _ := strconv.ParseUint(s.runAs.Uid, 10, 32)
		gid, _ := strconv.ParseUint(s.runAs.Gid, 10, 32)
		// No supplementary groups: drop root's.
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}
		cmd.Env = append(os.Environ(), "HOME="+s.Dir, "USER="+s.runAs.Username, "LOGNAME="+s.runAs.Username)
	}
	return cmd
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) startPostgres() error {
	port, err := freePort()
	if err != nil {
		return err
	}
	s.Port = port
	log, err := os.Create(s.logFile())
	if err != nil {
		return err
	}
	defer log.Close()
	// Durability is pointless for a throw-away cluster: turning it off
	// keeps the suite fast.
	s.cmd = s.command("postgres", "-D", s.dataDir(),
		"-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories="+s.Dir,
		"-c", "fsync=off",
		"-c", "synchronous_commit=off",
		"-c", "full_page_writes=off",
		"-c", "max_connections=200")
	s.cmd.Stdout, s.cmd.Stderr = log, log
	// If the test binary dies without calling Stop, the kernel signals
	// postgres so that no server is left behind. (Go sets it after the
	// credential change, which would otherwise clear it.)
	s.cmd.SysProcAttr.Pdeathsig = syscall.SIGTERM
	// Pdeathsig fires when the *thread* that started the child exits, not
	// the process (golang/go#27505): start it from a goroutine locked to
	// its thread for as long as postgres runs, so that the Go runtime
	// cannot retire that thread under it.
	s.exited = make(chan struct{})
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := s.cmd.Start(); err != nil {
			started <- err
			close(s.exited)
			return
		}
		started <- nil
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("starting postgres: %v", err)
	}

	// Wait until the server accepts connections, or exits (port taken,
	// bad configuration), or a generous deadline passes.
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-s.exited:
			out, _ := os.ReadFile(s.logFile())
			return fmt.Errorf("postgres exited during startup: %v\n%s", s.waitErr, out)
		default:
		}
		if exec.Command(filepath.Join(s.bindir, "pg_isready"), "-q", "-h", "127.0.0.1", "-p", strconv.Itoa(port), "-U", "postgres").Run() == nil {
			return nil
		}
		if time.Now().After(deadline) {
			s.kill()
			out, _ := os.ReadFile(s.logFile())
			return fmt.Errorf("postgres did not accept connections within 60s\n%s", out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// DSN returns a lib/pq connection string for database dbname.
func (s *Server) DSN(dbname string) string {
	return fmt.Sprintf("host=127.0.0.1 port=%d user=postgres dbname=%s sslmode=disable", s.Port, dbname)
}

// CreateDatabase creates database name (which must be a plain lowercase
// identifier) and returns its DSN.
func (s *Server) CreateDatabase(name string) (string, error) {
	if !regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`).MatchString(name) {
		return "", fmt.Errorf("pgtest: database name %q is not a plain identifier", name)
	}
	var out bytes.Buffer
	cmd := exec.Command(filepath.Join(s.bindir, "createdb"), "-h", "127.0.0.1", "-p", strconv.Itoa(s.Port), "-U", "postgres", name)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("createdb %s: %v: %s", name, err, out.String())
	}
	return s.DSN(name), nil
}

// NewDatabase creates a database with a fresh name starting with prefix and
// returns its DSN, so that tests do not see each other's tables.
func (s *Server) NewDatabase(prefix string) (string, error) {
	s.mu.Lock()
	s.dbs++
	n := s.dbs
	s.mu.Unlock()
	return s.CreateDatabase(fmt.Sprintf("%s_%d", prefix, n))
}

func (s *Server) kill() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	select {
	case <-s.exited:
		return
	default:
	}
	// SIGINT is PostgreSQL's "fast shutdown": roll back clients, exit.
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

// Stop shuts the server down and removes its directory.
func (s *Server) Stop() error {
	s.kill()
	return os.RemoveAll(s.Dir)
}
