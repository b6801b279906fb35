// Package tasks is a stub of github.com/RichardKnop/machinery/v2/tasks for the analysistest
// fixtures (v2.0.16): signatures and chains.
package tasks

type Arg struct {
	Name  string      `bson:"name"`
	Type  string      `bson:"type"`
	Value interface{} `bson:"value"`
}

type Headers map[string]interface{}

type Signature struct {
	UUID       string
	Name       string
	RoutingKey string
	Args       []Arg
	Headers    Headers
}

type Chain struct {
	Tasks []*Signature
}

func NewChain(signatures ...*Signature) (*Chain, error) {
	return &Chain{Tasks: signatures}, nil
}
