package engine

import (
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Report reports the engine's unsuppressed findings of one check on pass, each message prefixed
// with prefix. Every check's Run is this one call, so suppression, exclusion and explanation
// work the same for all of them.
func Report(pass *analysis.Pass, res *Result, check, prefix string) {
	if res == nil || res.Excluded || !res.Config.CheckEnabled(check) {
		return
	}
	var files map[string]*token.File
	for _, f := range res.Findings {
		if f.Check != check || f.SuppressedBy != nil {
			continue
		}
		if files == nil {
			files = map[string]*token.File{}
			pass.Fset.Iterate(func(tf *token.File) bool {
				files[tf.Name()] = tf
				return true
			})
		}
		d := analysis.Diagnostic{
			Pos: f.Pos, End: f.End, Category: check, Message: prefix + f.Message,
			SuggestedFixes: f.Fixes,
		}
		for _, step := range f.Trail {
			pos, msg := trailPos(files, step)
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, Message: msg})
		}
		pass.Report(d)
	}
}

// trailPos turns "file:line:col: message" back into a position of the shared file set. When
// the file is not in it (go vet analyses one package per process), the position stays in the
// message and the related information points at nothing.
func trailPos(files map[string]*token.File, step string) (token.Pos, string) {
	// The file name may itself contain colons (Windows drives); parse from the message side.
	parts := strings.SplitN(step, ": ", 2)
	if len(parts) != 2 {
		return token.NoPos, step
	}
	loc, msg := parts[0], parts[1]
	i := strings.LastIndex(loc, ":")
	if i < 0 {
		return token.NoPos, step
	}
	j := strings.LastIndex(loc[:i], ":")
	if j < 0 {
		return token.NoPos, step
	}
	line, err1 := strconv.Atoi(loc[j+1 : i])
	col, err2 := strconv.Atoi(loc[i+1:])
	tf := files[loc[:j]]
	if err1 != nil || err2 != nil || tf == nil || line < 1 || line > tf.LineCount() {
		return token.NoPos, step
	}
	off := int(tf.LineStart(line)) - tf.Base() + col - 1
	if off < 0 || off > tf.Size() {
		return token.NoPos, step
	}
	return tf.Pos(off), msg
}
