package tenantsql

import (
	"errors"
	"maps"
	"slices"
	"testing"
)

func TestScan(t *testing.T) {
	cases := []struct {
		q      string
		idents []string
		params []int
	}{
		{`SELECT id FROM Notes WHERE tenant_id = $1`, []string{"select", "id", "from", "notes", "where", "tenant_id"}, []int{1}},
		{`select * from "Notes" n join "we""ird" w on true`, []string{"select", "from", "Notes", "n", "join", `we"ird`, "w", "on", "true"}, nil},
		{`SELECT 'notes', E'it\'s notes', $$notes$$, $tag$ notes $ $tag$, U&'notes', B'01' -- notes
		/* notes /* nested notes */ notes */ FROM t WHERE a = $12`, []string{"select", "from", "t", "where", "a"}, []int{12}},
		{`SELECT x$1 FROM public.notes`, []string{"select", "x$1", "from", "public", "notes"}, nil},
		{`INSERT INTO notes(tenant_id,body) VALUES($1,$2)`, []string{"insert", "into", "notes", "tenant_id", "body", "values"}, []int{1, 2}},
		{`SELECT 1 -- trailing comment without newline`, []string{"select"}, nil},
	}
	for _, c := range cases {
		info, err := scan(c.q)
		if err != nil {
			t.Errorf("scan(%q): %v", c.q, err)
			continue
		}
		got := slices.Sorted(maps.Keys(info.idents))
		want := slices.Sorted(slices.Values(c.idents))
		if !slices.Equal(got, want) {
			t.Errorf("scan(%q) idents = %q, want %q", c.q, got, want)
		}
		gotP := slices.Sorted(maps.Keys(info.params))
		if !slices.Equal(gotP, c.params) {
			t.Errorf("scan(%q) params = %v, want %v", c.q, gotP, c.params)
		}
	}
}

func TestScanUnterminated(t *testing.T) {
	for _, q := range []string{`SELECT 'x`, `SELECT "x`, `SELECT /* x`, `SELECT $a$ x`, `SELECT E'\'`} {
		if _, err := scan(q); !errors.Is(err, errUnterminated) {
			t.Errorf("scan(%q) = %v, want errUnterminated", q, err)
		}
	}
}

func TestScanUnicodeIdentifier(t *testing.T) {
	info, err := scan(`SELECT * FROM U&"\006eotes"`)
	if err != nil || !info.unicodeQ {
		t.Errorf("U&\"...\" not flagged: %v %v", info, err)
	}
}
