package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/tenantlint/tenantlint/catalog"
)

// Text buffers: a key assembled in a strings.Builder or a bytes.Buffer (WriteString calls,
// fmt.Fprintf into it, then String()) is what was written into it. Each write into a buffer
// made in the function is recorded with the value of what it writes, and a read of the buffer
// is derived from every write, as "report:" + id is from its operands. Like the rest of memory
// this is flow-insensitive: a write on some path only, or before a Reset, still counts (a key
// may be taken to carry a tenant it lacks on some path, never the reverse). A buffer handed to
// anything else (a template's Execute, a helper taking an io.Writer) holds text the engine does
// not see, and its reads are derived as any unknown call's result.

// textBuffer is what was written into one buffer, in the order the writes were first seen.
type textBuffer struct {
	order  []ssa.Instruction
	writes map[ssa.Instruction]*Value
	parts  map[ssa.Instruction][]ssa.Value
}

// textState is a frame's text buffers, by the value that made them (an Alloc or an opener).
type textState struct {
	bufs    map[ssa.Value]*textBuffer
	escapes map[ssa.Value]bool
}

// textMethods indexes the catalog's text buffers by catalog.Key.
type textMethods struct {
	writes, reads, keeps, writers, openers map[string]bool
}

var textIndex = func() *textMethods {
	t := &textMethods{writes: map[string]bool{}, reads: map[string]bool{}, keeps: map[string]bool{},
		writers: map[string]bool{}, openers: map[string]bool{}}
	for _, b := range catalog.TextBuffers {
		for _, m := range b.Writes {
			t.writes["("+b.Type+")."+m] = true
		}
		for _, m := range b.Reads {
			t.reads["("+b.Type+")."+m] = true
		}
		for _, m := range b.Keeps {
			t.keeps["("+b.Type+")."+m] = true
		}
	}
	for _, w := range catalog.TextWriters {
		t.writers[w] = true
	}
	for _, o := range catalog.TextBufferOpeners {
		t.openers[o] = true
	}
	return t
}()

// textBufferOf is the buffer a value points to when the function made it (var sb
// strings.Builder, new(bytes.Buffer), bytes.NewBufferString(s)), nil otherwise: a buffer in a
// struct field or a parameter is written where the engine does not look.
func textBufferOf(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Alloc:
			if isTextBuffer(x) {
				return x
			}
		case *ssa.Call:
			if textIndex.openers[CalleeKey(x.Common())] {
				return x
			}
		}
		return nil
	}
}

func isTextBuffer(v ssa.Value) bool {
	k := catalog.TypeKey(v.Type())
	for _, b := range catalog.TextBuffers {
		if b.Type == k {
			return true
		}
	}
	return false
}

// noteTextWrite records what a call writes into a text buffer made in the function.
func (s *Frame) noteTextWrite(call *ssa.Call) {
	c := s.Pkg.Call(call)
	var buf ssa.Value
	var parts []ssa.Value
	switch {
	case textIndex.writes[c.Key] && len(c.Args) > 0:
		buf, parts = textBufferOf(c.Args[0]), c.Args[1:]
	case textIndex.writers[c.Key] && len(c.Args) > 0:
		buf, parts = textBufferOf(c.Args[0]), c.Args[1:]
	case textIndex.openers[c.Key]:
		buf, parts = call, c.Args
	}
	if buf == nil {
		return
	}
	var vs []*Value
	for _, p := range parts {
		vs = append(vs, s.Eval(p)) // every argument is text: WriteByte(':') is a part of the key
	}
	v := Derive(vs...)
	if s.text == nil {
		s.text = &textState{bufs: map[ssa.Value]*textBuffer{}, escapes: map[ssa.Value]bool{}}
	}
	tb := s.text.bufs[buf]
	if tb == nil {
		tb = &textBuffer{writes: map[ssa.Instruction]*Value{}, parts: map[ssa.Instruction][]ssa.Value{}}
		s.text.bufs[buf] = tb
	}
	old, seen := tb.writes[call]
	if !seen {
		tb.order = append(tb.order, call)
		tb.parts[call] = parts
	}
	if !seen || !old.Equal(v) {
		tb.writes[call] = v
		s.changed = true
	}
}

// textRead is the value of a read of a text buffer made in the function (sb.String()): derived
// from everything written into it. It answers nothing for other calls, and for buffers that
// escape to code the engine does not follow.
func (s *Frame) textRead(c *Call) (*Value, bool) {
	if !textIndex.reads[c.Key] || len(c.Args) == 0 {
		return nil, false
	}
	buf := textBufferOf(c.Args[0])
	if buf == nil {
		return nil, false
	}
	var tb *textBuffer
	if s.text != nil {
		tb = s.text.bufs[buf]
	}
	if tb == nil {
		if !s.settled {
			return TopValue, true // the writes may not have been seen yet (block order)
		}
		return nil, false
	}
	if s.textEscapes(buf) {
		return nil, false
	}
	var vs []*Value
	var parts []ssa.Value
	for _, w := range tb.order {
		vs = append(vs, tb.writes[w])
		parts = append(parts, tb.parts[w]...)
	}
	return s.builtHere(s.build(Derive(vs...), parts...), c.Start), true
}

// textEscapes reports whether a buffer is used by anything but its own methods and the text
// writers: then something else may write into it.
func (s *Frame) textEscapes(buf ssa.Value) bool {
	if e, ok := s.text.escapes[buf]; ok {
		return e
	}
	e := s.escapesFrom(buf, buf, map[ssa.Value]bool{})
	s.text.escapes[buf] = e
	return e
}

func (s *Frame) escapesFrom(buf, v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.MakeInterface, *ssa.ChangeType:
			if s.escapesFrom(buf, r.(ssa.Value), seen) {
				return true
			}
		case *ssa.Store:
			if r.Val == v {
				return true // the buffer itself is stored somewhere
			}
		case *ssa.UnOp:
			// a copy of the contents (*sb): reads, adds nothing
		case ssa.CallInstruction:
			c := s.Pkg.Call(r)
			own := len(c.Args) > 0 && textBufferOf(c.Args[0]) == buf
			for i, a := range c.Args {
				if i > 0 && a == v {
					own = false // passed as a part or an argument, not as the buffer written
				}
			}
			mine := textIndex.writes[c.Key] || textIndex.reads[c.Key] || textIndex.keeps[c.Key] || textIndex.writers[c.Key]
			if !own || !mine {
				return true
			}
		default:
			return true
		}
	}
	return false
}
