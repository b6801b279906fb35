// Package engine is tenantlint's family-agnostic core: for every SSA value of a package it
// computes where its tenant scope comes from (Value: the tenant, scoped by it, a parameter,
// request input, nothing, or unknown), summarizes functions as facts.Summary facts iterated to a
// fixpoint over the package's call graph, turns what must carry the tenant into requirements on
// parameters or into findings (Frame.Need), and applies the directives.
//
// The rules of each sink family live in the family's check (passes/sqlscope/sqlrules, ...):
// the engine asks them through Family and Rules and never names one. passes/tenantflow is the
// analyzer: the engine with the list of families. docs/engine.md is the map.
package engine
