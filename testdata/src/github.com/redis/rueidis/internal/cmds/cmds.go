// Package cmds is a stub of rueidis's command builders for the analysistest fixtures: only the
// steps they call, with the real signatures (contract/ compares them). Every step is a type of
// its own; the step that takes a key is a method of it (Get.Key, DelKey.Key).
package cmds

type CommandSlice struct{ s []string }

type Incomplete struct {
	cs *CommandSlice
	cf int16
	ks uint16
}

type Completed struct {
	cs *CommandSlice
	cf uint16
	ks uint16
}

type Builder struct{ ks uint16 }

type Get Incomplete
type GetKey Incomplete

func (b Builder) Get() (c Get)      { return c }
func (c Get) Key(key string) GetKey { return (GetKey)(c) }
func (c GetKey) Build() Completed   { return Completed{cs: c.cs} }

type Set Incomplete
type SetKey Incomplete
type SetValue Incomplete

func (b Builder) Set() (c Set)               { return c }
func (c Set) Key(key string) SetKey          { return (SetKey)(c) }
func (c SetKey) Value(value string) SetValue { return (SetValue)(c) }
func (c SetValue) Build() Completed          { return Completed{cs: c.cs} }

type Del Incomplete
type DelKey Incomplete

func (b Builder) Del() (c Del)            { return c }
func (c Del) Key(key ...string) DelKey    { return (DelKey)(c) }
func (c DelKey) Key(key ...string) DelKey { return c }
func (c DelKey) Build() Completed         { return Completed{cs: c.cs} }

type Mset Incomplete
type MsetKeyValue Incomplete

func (b Builder) Mset() (c Mset)                                      { return c }
func (c Mset) KeyValue() MsetKeyValue                                 { return (MsetKeyValue)(c) }
func (c MsetKeyValue) KeyValue(key string, value string) MsetKeyValue { return c }
func (c MsetKeyValue) Build() Completed                               { return Completed{cs: c.cs} }

type Rename Incomplete
type RenameKey Incomplete
type RenameNewkey Incomplete

func (b Builder) Rename() (c Rename)                  { return c }
func (c Rename) Key(key string) RenameKey             { return (RenameKey)(c) }
func (c RenameKey) Newkey(newkey string) RenameNewkey { return (RenameNewkey)(c) }
func (c RenameNewkey) Build() Completed               { return Completed{cs: c.cs} }
