// Package uuid is a dependency shaped like github.com/gofrs/uuid: a Nil value its importers
// compare with and pass around, and a variable its own code sets.
package uuid

type UUID [16]byte

// Nil is the zero UUID.
var Nil = UUID{}

// Max is all ones.
var Max = UUID{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}

// Default is set by the program at start-up.
var Default UUID

func SetDefault(u UUID) { Default = u }

// Namespace is handed out by address, so anyone may change it.
var Namespace = UUID{1}

func NamespaceRef() *UUID { return &Namespace }
