// Package ent is a stub of entgo.io/ent for tests; the types mirror v0.14.5.
package ent

import "context"

type Query interface{}

type Querier interface {
	Query(context.Context, Query) (Value, error)
}

type Value interface{}

type Interceptor interface {
	Intercept(Querier) Querier
}

type Policy interface {
	EvalMutation(context.Context, Mutation) error
	EvalQuery(context.Context, Query) error
}

type Mutation interface {
	Op() Op
	Type() string
}

type Op uint
