package facts

// BoundField marks a struct field whose address a binder fills with request input (a
// generated server's runtime.BindQueryParameter(..., &params.Tenant)): the field is a request
// parameter of its type, so reading it from a value that crossed a function boundary (the
// request object a generated wrapper hands its implementation through an interface) yields
// request input in every package.
type BoundField struct{}

func (*BoundField) AFact() {}

func (*BoundField) String() string { return "boundField" }

// TenantGuard marks a function that checks the request's tenant (calls a configured validator
// on request input, or compares request input with the active tenant), itself or in a
// function literal it makes: route middleware made from it guards the routes it is on.
type TenantGuard struct{}

func (*TenantGuard) AFact() {}

func (*TenantGuard) String() string { return "tenantGuard" }

// ConstantVar marks a package variable that its package initialises with a constant or zero
// value and never assigns again (uuid.Nil): reading it gives a constant in every package, so
// passing it as the tenant passes no tenant at all. Only variables of dependencies (modules
// with a version) are marked when exported: an exported variable of the module being analysed
// may be set by another of its packages (a default tenant read from a flag in main).
type ConstantVar struct{}

func (*ConstantVar) AFact() {}

func (*ConstantVar) String() string { return "constantVar" }
