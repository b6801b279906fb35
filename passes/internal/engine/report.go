package engine

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/tenantlint/tenantlint/facts"
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

// trailPos turns a step's position back into a position of the shared file set. When the file
// is not in it (go vet analyses one package per process), the position stays in the message and
// the related information points at nothing.
func trailPos(files map[string]*token.File, step facts.Step) (token.Pos, string) {
	p := step.Pos
	tf := files[p.Filename]
	if !p.IsValid() || tf == nil || p.Line > tf.LineCount() {
		return token.NoPos, step.String()
	}
	off := int(tf.LineStart(p.Line)) - tf.Base() + p.Column - 1
	if off < 0 || off > tf.Size() {
		return token.NoPos, step.String()
	}
	return tf.Pos(off), step.Text
}
