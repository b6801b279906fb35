package facts

// BoundField marks a struct field whose address a binder fills with request input (a
// generated server's runtime.BindQueryParameter(..., &params.Tenant)): the field is a request
// parameter of its type, so reading it from a value that crossed a function boundary (the
// request object a generated wrapper hands its implementation through an interface) yields
// request input in every package.
type BoundField struct{}

func (*BoundField) AFact() {}

func (*BoundField) String() string { return "boundField" }
