package catalog

import (
	"slices"
	"strconv"
	"strings"
)

// BuilderOp is what a method of an ORM or query builder does to the query it builds. The engine
// keeps one abstract value per builder through its chain: unscoped when it is made, scoped once a
// predicate on a tenant column is ANDed to it (by Where, a map or struct condition, a functional
// option), and judged where the query runs.
type BuilderOp uint8

const (
	// BuilderOpen returns a new builder with no predicate (gorm.Open, db.NewSelect(),
	// sq.Select(...), client.User.Query()).
	BuilderOpen BuilderOp = iota + 1
	// BuilderChain returns its receiver's builder with its predicates (Model, Table, Order,
	// WithContext, gorm's Unscoped, which only lifts soft deletion).
	BuilderChain
	// BuilderWhere ANDs the condition at Cond (with its bind values after it).
	BuilderWhere
	// BuilderOr ORs a condition: a tenant predicate before it no longer restricts the rows.
	BuilderOr
	// BuilderScopes applies the functional options in the variadic argument Cond: the builder
	// is scoped when one of them adds a tenant predicate (gorm's Scopes(TenantScope(ctx))).
	BuilderScopes
	// BuilderRun runs the query: a builder on a tenant table must be scoped here. Cond, when
	// set, holds inline conditions (gorm's Find(&out, "tenant_id = ?", tid)).
	BuilderRun
	// BuilderInsert inserts the model at Model (or, with Model -1, the model and the columns
	// set along the chain): its tenant field must carry the active tenant.
	BuilderInsert
	// BuilderSet sets columns of an insert: the map literal at Cond (squirrel's SetMap), or for
	// a generated method named Set<Column> (ent's SetTenantID(v)) the value at Cond.
	BuilderSet
	// BuilderColumns names, in its variadic argument Cond, the columns of an insert whose values
	// BuilderValues gives in the same order (squirrel's Columns(...).Values(...)).
	BuilderColumns
	BuilderValues
)

func (o BuilderOp) String() string {
	names := []string{"", "open", "chain", "where", "or", "scopes", "run", "insert", "set", "columns", "values"}
	if int(o) < len(names) {
		return names[o]
	}
	return "BuilderOp(" + strconv.Itoa(int(o)) + ")"
}

// Builder is one method or function of a query builder.
type Builder struct {
	Func string
	Op   BuilderOp
	// Library names the library in messages: "gorm", "bun", "squirrel".
	Library string
	// Cond is the index of the condition argument, -1 if none. A condition is a SQL fragment
	// ("tenant_id = ? AND id = ?", with its bind values in the variadic argument after it), a map
	// literal keyed by column (gorm and xorm maps, squirrel's Eq), a struct literal whose tenant
	// field is set (gorm ignores zero fields), or generated predicates (ent's user.TenantID(v)).
	// With CondVariadic, the condition is the first element of the variadic argument Cond and its
	// bind values the next ones (gorm's Find(&out, conds...)).
	Cond         int
	CondVariadic bool
	// Model is the index of an argument whose type names the table (a model struct, a pointer to
	// one, a slice of them), -1 if none.
	Model int
	// ModelIsCond: the model's set fields are conditions too (xorm's Get(&Device{TenantID: t})).
	ModelIsCond bool
	// NoModelCond: a chain method after which the model's fields are no longer conditions
	// (xorm's NoAutoCondition()): only the explicit conditions scope the query.
	NoModelCond bool
	// Loads: a run that reads rows into its model (Find, First, Get, a select's Scan). A row
	// loaded by a query scoped to the tenant is that tenant's row.
	Loads bool
	// ByModelKey: the query is restricted to its model's own row by its primary key (bun's
	// WherePK; gorm's and pop's writes of a model; xorm's Delete, whose bean is its condition).
	// ByKeyArg: the key is the first argument (xorm's ID(id)). On a row loaded with a tenant
	// predicate, such a query touches only that tenant's row.
	ByModelKey, ByKeyArg bool
	// Table is the index of a string argument naming the table (the first of a variadic one,
	// bun's Table(tables...)), -1 if none.
	Table int
	// PK: the query is restricted to the model's primary key. On a chain row, by the key of the
	// chain's model (bun's WherePK) or by the key values at argument 0 (xorm's ID, one value or
	// a schemas.PK of one per key column); on a run row, by the key fields set in its model
	// (gorm's First(&row) and Delete(&row) with the key set). A primary key that includes the
	// tenant column is then scoped by the model's tenant field.
	PK bool
}

// Naming is how a library names a model struct's table when the model does not say (gorm's
// TableName method, bun's table tag): gorm and bun pluralize the snake-cased struct name with
// jinzhu/inflection ("inflection", see Plural: Settings is "settings"), pop with flect
// ("plural": the English plural of the common cases), xorm does not.
var Naming = map[string]string{
	"gorm": "inflection", "bun": "inflection", "pop": "plural", "xorm": "singular",
}

// BuilderHandles are database handles whose builder methods each start a new query: a handle
// never carries a predicate, even when it is a parameter (a builder parameter is the caller's
// to scope).
var BuilderHandles = []string{
	"xorm.io/xorm.Engine",
	xormFork + ".Engine",
	"github.com/gobuffalo/pop/v6.Connection",
}

// SessionParams are builder types that, received as a parameter, are a handle rather than a
// builder in progress: code passes them around as the request's session or transaction and
// starts each query on them, and the library clears a session's conditions after every query
// (xorm's *Session, the argument of Engine.Transaction callbacks and of generic model readers).
// A query run on one with no tenant predicate added in the function is unscoped there, not the
// caller's to scope. A session a helper returns keeps whatever its caller gave it.
var SessionParams = []string{
	"xorm.io/xorm.Session",
	xormFork + ".Session",
}

// xormFork is the xorm-io organisation's fork of xorm (casdoor's ORM), whose API is xorm's
// under another module path.
const xormFork = "github.com/xorm-io/xorm"

// GeneratedBuilder is a method of code generated by a library (ent): a method named Method of
// every type named <Entity><Suffix> in a package that imports Import.
type GeneratedBuilder struct {
	Import  string
	Suffix  string
	Method  string
	Op      BuilderOp
	Library string
	Cond    int
}

// Builders are the built-in ORM and query-builder rows.
var Builders = slices.Concat(gormBuilders(), bunBuilders(), xormBuilders(), squirrelBuilders(), popBuilders())

// ormLibraries are the ORM and builder libraries, whose own code is not analysed.
var ormLibraries = []string{
	"gorm.io/gorm",
	"github.com/uptrace/bun",
	"xorm.io/xorm",
	xormFork,
	"github.com/Masterminds/squirrel",
	"entgo.io/ent",
	"github.com/gobuffalo/pop",
}

// builderRows makes one row per method of each receiver.
func builderRows(lib string, recvs []string, methods string, op BuilderOp, cond, model, table int) []Builder {
	var out []Builder
	for _, r := range recvs {
		for _, m := range strings.Fields(methods) {
			out = append(out, Builder{Func: "(" + r + ")." + m, Op: op, Library: lib, Cond: cond, Model: model, Table: table})
		}
	}
	return out
}

// mark sets a flag on every row.
func mark(rows []Builder, set func(*Builder)) []Builder {
	for i := range rows {
		set(&rows[i])
	}
	return rows
}

func loads(b *Builder)      { b.Loads = true }
func byModelKey(b *Builder) { b.ByModelKey = true }

// variadicConds marks the rows' conditions as the variadic argument's first element.
func variadicConds(rows []Builder) []Builder {
	for i := range rows {
		rows[i].CondVariadic = true
	}
	return rows
}

// primaryKey marks the rows as restricting the query to the model's primary key.
func primaryKey(rows []Builder) []Builder {
	for i := range rows {
		rows[i].PK = true
	}
	return rows
}

// gormBuilders: gorm.io/gorm. Every method of *gorm.DB returns a *gorm.DB; finishers run the
// statement built so far. Raw and Exec take SQL text with `?` placeholders, which the SQL check
// does not parse for PostgreSQL and which are left out.
func gormBuilders() []Builder {
	db := []string{"gorm.io/gorm.DB"}
	return slices.Concat(
		[]Builder{{Func: "gorm.io/gorm.Open", Op: BuilderOpen, Library: "gorm", Cond: -1, Model: -1, Table: -1}},
		builderRows("gorm", db, "Session WithContext Debug Unscoped Order Limit Offset Select Omit Joins Group Distinct Preload Not", BuilderChain, -1, -1, -1),
		builderRows("gorm", db, "Model", BuilderChain, -1, 0, -1),
		builderRows("gorm", db, "Table", BuilderChain, -1, -1, 0),
		builderRows("gorm", db, "Where", BuilderWhere, 0, -1, -1),
		builderRows("gorm", db, "Or", BuilderOr, 0, -1, -1),
		builderRows("gorm", db, "Scopes", BuilderScopes, 0, -1, -1),
		mark(primaryKey(variadicConds(builderRows("gorm", db, "Find First Take Last", BuilderRun, 1, 0, -1))), loads),
		mark(primaryKey(variadicConds(builderRows("gorm", db, "Delete", BuilderRun, 1, 0, -1))), byModelKey),
		mark(builderRows("gorm", db, "Scan", BuilderRun, -1, 0, -1), loads),
		mark(primaryKey(builderRows("gorm", db, "Updates UpdateColumns", BuilderRun, -1, 0, -1)), byModelKey),
		builderRows("gorm", db, "Pluck", BuilderRun, -1, 1, -1),
		mark(primaryKey(builderRows("gorm", db, "Update UpdateColumn", BuilderRun, -1, -1, -1)), byModelKey),
		builderRows("gorm", db, "Count Row Rows", BuilderRun, -1, -1, -1),
		builderRows("gorm", db, "Create CreateInBatches", BuilderInsert, -1, 0, -1),
		mark(builderRows("gorm", db, "Save", BuilderInsert, -1, 0, -1), byModelKey),
	)
}

// bunBuilders: github.com/uptrace/bun. (*bun.DB).NewSelect & co. open a query (also through
// bun.IDB, which *bun.DB and bun.Tx implement); the query types' methods return the query.
func bunBuilders() []Builder {
	const bun = "github.com/uptrace/bun"
	opens := []string{bun + ".DB", bun + ".Tx", bun + ".Conn", bun + ".IDB"}
	queries := []string{bun + ".SelectQuery", bun + ".UpdateQuery", bun + ".DeleteQuery"}
	return slices.Concat(
		builderRows("bun", opens, "NewSelect NewUpdate NewDelete NewInsert", BuilderOpen, -1, -1, -1),
		builderRows("bun", slices.Concat(queries, []string{bun + ".InsertQuery"}), "Model", BuilderChain, -1, 0, -1),
		builderRows("bun", slices.Concat(queries, []string{bun + ".InsertQuery"}), "Table", BuilderChain, -1, -1, 0),
		builderRows("bun", queries, "Order Limit", BuilderChain, -1, -1, -1),
		mark(primaryKey(builderRows("bun", queries, "WherePK", BuilderChain, -1, -1, -1)), byModelKey),
		builderRows("bun", []string{bun + ".SelectQuery", bun + ".UpdateQuery"}, "Column", BuilderChain, -1, -1, -1),
		builderRows("bun", []string{bun + ".UpdateQuery"}, "Set", BuilderChain, -1, -1, -1),
		builderRows("bun", queries, "Where", BuilderWhere, 0, -1, -1),
		builderRows("bun", queries, "WhereOr", BuilderOr, 0, -1, -1),
		builderRows("bun", queries, "Apply", BuilderScopes, 0, -1, -1),
		mark(builderRows("bun", []string{bun + ".SelectQuery"}, "Scan ScanAndCount", BuilderRun, -1, -1, -1), loads),
		builderRows("bun", []string{bun + ".SelectQuery"}, "Exec Count Exists", BuilderRun, -1, -1, -1),
		builderRows("bun", []string{bun + ".UpdateQuery", bun + ".DeleteQuery"}, "Scan Exec", BuilderRun, -1, -1, -1),
		builderRows("bun", []string{bun + ".InsertQuery"}, "Scan Exec", BuilderInsert, -1, -1, -1),
	)
}

// xormBuilders: xorm.io/xorm and its fork. The engine's methods open a session; a bean passed
// to Get, Find, Delete or Update is a condition too (xorm ANDs its non-zero fields).
func xormBuilders() []Builder {
	return slices.Concat(xormRows("xorm.io/xorm"), xormRows(xormFork))
}

func xormRows(x string) []Builder {
	both := []string{x + ".Engine", x + ".Session"}
	rows := slices.Concat(
		builderRows("xorm", []string{x + ".Engine"}, "NewSession", BuilderOpen, -1, -1, -1),
		builderRows("xorm", both, "Context", BuilderChain, -1, -1, -1),
		mark(primaryKey(builderRows("xorm", both, "ID", BuilderChain, -1, -1, -1)), func(b *Builder) { b.ByKeyArg = true }),
		mark(builderRows("xorm", both, "NoAutoCondition", BuilderChain, -1, -1, -1), func(b *Builder) { b.NoModelCond = true }),
		builderRows("xorm", both, "Table", BuilderChain, -1, 0, 0),
		builderRows("xorm", both, "Where", BuilderWhere, 0, -1, -1),
		builderRows("xorm", []string{x + ".Session"}, "And", BuilderWhere, 0, -1, -1),
		builderRows("xorm", []string{x + ".Session"}, "Or", BuilderOr, 0, -1, -1),
		mark(builderRows("xorm", both, "Get", BuilderRun, -1, 0, -1), loads),
		mark(builderRows("xorm", both, "Delete", BuilderRun, -1, 0, -1), byModelKey),
		builderRows("xorm", both, "Count", BuilderRun, -1, 0, -1),
		mark(variadicConds(builderRows("xorm", both, "Find", BuilderRun, 1, 0, -1)), loads),
		variadicConds(builderRows("xorm", both, "Update", BuilderRun, 1, 0, -1)),
		builderRows("xorm", both, "Insert", BuilderInsert, -1, 0, -1),
	)
	for i := range rows {
		if rows[i].Op == BuilderRun {
			rows[i].ModelIsCond = true
		}
	}
	return rows
}

// squirrelBuilders: github.com/Masterminds/squirrel. Builders are immutable values; a
// StatementBuilderType with a Where (sq.StatementBuilder.Where(sq.Eq{"tenant_id": tid})) scopes
// every statement made from it. ToSql is where the query is built (its text then feeds a
// database/sql or pgx call), Exec/Query where RunWith runs it.
func squirrelBuilders() []Builder {
	const sq = "github.com/Masterminds/squirrel"
	stmts := []string{sq + ".SelectBuilder", sq + ".UpdateBuilder", sq + ".DeleteBuilder"}
	runs := "ToSql Exec Query QueryRow ExecContext QueryContext QueryRowContext"
	return slices.Concat(
		[]Builder{
			{Func: sq + ".Select", Op: BuilderOpen, Library: "squirrel", Cond: -1, Model: -1, Table: -1},
			{Func: sq + ".Update", Op: BuilderOpen, Library: "squirrel", Cond: -1, Model: -1, Table: 0},
			{Func: sq + ".Delete", Op: BuilderOpen, Library: "squirrel", Cond: -1, Model: -1, Table: 0},
			{Func: sq + ".Insert", Op: BuilderOpen, Library: "squirrel", Cond: -1, Model: -1, Table: 0},
		},
		builderRows("squirrel", []string{sq + ".StatementBuilderType"}, "PlaceholderFormat RunWith Select", BuilderChain, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".StatementBuilderType"}, "Update Delete Insert", BuilderChain, -1, -1, 0),
		builderRows("squirrel", []string{sq + ".StatementBuilderType"}, "Where", BuilderWhere, 0, -1, -1),
		builderRows("squirrel", stmts, "PlaceholderFormat RunWith OrderBy Limit", BuilderChain, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".SelectBuilder", sq + ".DeleteBuilder"}, "From", BuilderChain, -1, -1, 0),
		builderRows("squirrel", []string{sq + ".SelectBuilder"}, "Columns", BuilderChain, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".UpdateBuilder"}, "Table", BuilderChain, -1, -1, 0),
		builderRows("squirrel", []string{sq + ".UpdateBuilder"}, "SetMap", BuilderChain, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".UpdateBuilder"}, "Set", BuilderChain, -1, -1, -1),
		builderRows("squirrel", stmts, "Where", BuilderWhere, 0, -1, -1),
		builderRows("squirrel", []string{sq + ".SelectBuilder"}, runs, BuilderRun, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".UpdateBuilder"}, runs, BuilderRun, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".DeleteBuilder"}, "ToSql Exec Query ExecContext QueryContext QueryRowContext", BuilderRun, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".InsertBuilder"}, "PlaceholderFormat RunWith", BuilderChain, -1, -1, -1),
		builderRows("squirrel", []string{sq + ".InsertBuilder"}, "Into", BuilderChain, -1, -1, 0),
		builderRows("squirrel", []string{sq + ".InsertBuilder"}, "Columns", BuilderColumns, 0, -1, -1),
		builderRows("squirrel", []string{sq + ".InsertBuilder"}, "Values", BuilderValues, 0, -1, -1),
		builderRows("squirrel", []string{sq + ".InsertBuilder"}, "SetMap", BuilderSet, 0, -1, -1),
		builderRows("squirrel", []string{sq + ".InsertBuilder"}, runs, BuilderInsert, -1, -1, -1),
	)
}

// popBuilders: github.com/gobuffalo/pop/v6. (*pop.Connection).Q() and Where open a *pop.Query;
// a Connection's finders run a query with no condition but the id. The ValidateAnd* methods
// validate the model and then write it as Create, Save and Update do; UpdateColumns and Reload
// write and read the model by its id.
func popBuilders() []Builder {
	const pop = "github.com/gobuffalo/pop/v6"
	conn, q := pop+".Connection", pop+".Query"
	return slices.Concat(
		builderRows("pop", []string{conn}, "Q", BuilderOpen, -1, -1, -1),
		builderRows("pop", []string{conn, q}, "Where", BuilderWhere, 0, -1, -1),
		// EagerPreload (on a Connection it opens the *Query) loads associations after the
		// query: it does not change which rows of the model's table the query matches.
		builderRows("pop", []string{conn, q}, "Order Limit Paginate PaginateFromParams Select EagerPreload", BuilderChain, -1, -1, -1),
		builderRows("pop", []string{q}, "Eager GroupBy Having Join InnerJoin LeftJoin LeftOuterJoin RightJoin RightOuterJoin", BuilderChain, -1, -1, -1),
		builderRows("pop", []string{conn, q}, "Scope", BuilderScopes, 0, -1, -1),
		mark(builderRows("pop", []string{conn, q}, "All First Last Find", BuilderRun, -1, 0, -1), loads),
		builderRows("pop", []string{conn, q}, "Count", BuilderRun, -1, 0, -1),
		// UpdateQuery updates every row the query matches, as Delete deletes them.
		builderRows("pop", []string{q}, "Exists Delete UpdateQuery", BuilderRun, -1, 0, -1),
		builderRows("pop", []string{conn}, "Eager WithContext", BuilderChain, -1, -1, -1),
		mark(builderRows("pop", []string{conn}, "Destroy Update ValidateAndUpdate UpdateColumns Reload", BuilderRun, -1, 0, -1), byModelKey),
		builderRows("pop", []string{conn}, "Create ValidateAndCreate", BuilderInsert, -1, 0, -1),
		mark(builderRows("pop", []string{conn}, "Save ValidateAndSave", BuilderInsert, -1, 0, -1), byModelKey),
	)
}

// EntBuilders are the methods of ent's generated code: <Entity>Client, <Entity>Query,
// <Entity>Update(One), <Entity>Delete(One) and <Entity>Create in the generated package (which
// imports entgo.io/ent). An entity is a tenant entity when its package (ent/<entity>) has the
// predicate of a tenant column (user.TenantID); its queries are scoped by Where with that
// predicate, or by the schema's privacy policy or interceptors (the package then declares Policy
// or Interceptors, which the generated runtime fills in). Get(ctx, id), UpdateOneID(id) and
// DeleteOneID(id) by the id alone are unscoped.
var EntBuilders = entBuilders()

func entBuilders() []GeneratedBuilder {
	const ent = "entgo.io/ent"
	var out []GeneratedBuilder
	add := func(suffix, methods string, op BuilderOp, cond int) {
		for _, m := range strings.Fields(methods) {
			out = append(out, GeneratedBuilder{Import: ent, Suffix: suffix, Method: m, Op: op, Library: "ent", Cond: cond})
		}
	}
	add("Client", "Query Update UpdateOne UpdateOneID Delete DeleteOne DeleteOneID Create", BuilderOpen, -1)
	add("Client", "Get GetX", BuilderRun, -1)
	for _, s := range []string{"Query", "Update", "UpdateOne", "Delete", "DeleteOne"} {
		add(s, "Where", BuilderWhere, 0)
	}
	add("Query", "Order Limit Offset Unique Clone", BuilderChain, -1)
	add("Query", "All AllX Only OnlyX OnlyID OnlyIDX First FirstX FirstID FirstIDX IDs IDsX Count CountX Exist ExistX Scan ScanX", BuilderRun, -1)
	add("Update", "Save SaveX Exec ExecX", BuilderRun, -1)
	add("UpdateOne", "Save SaveX Exec ExecX", BuilderRun, -1)
	add("Delete", "Exec ExecX", BuilderRun, -1)
	add("DeleteOne", "Exec ExecX", BuilderRun, -1)
	add("Create", "Save SaveX Exec ExecX", BuilderInsert, -1)
	// Set<Column> of a create: "Set*" stands for Set followed by the column in Go case
	// (SetTenantID for tenant_id).
	add("Create", "Set*", BuilderSet, 0)
	return out
}

// EntPolicyVars are the variables an ent entity package declares when its schema has a privacy
// policy or interceptors: the generated runtime package assigns them.
var EntPolicyVars = []string{"Policy", "Interceptors"}

// EntFieldName is the Go name ent generates for a column (its predicate, its Set method):
// tenant_id -> TenantID, as entc/gen's pascal spells it with its common acronyms.
func EntFieldName(col string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(col, func(r rune) bool { return r == '_' || r == '-' || r == ' ' }) {
		if entAcronyms[strings.ToUpper(w)] {
			b.WriteString(strings.ToUpper(w))
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

var entAcronyms = map[string]bool{"ACL": true, "API": true, "ASCII": true, "AWS": true, "CPU": true, "CSS": true,
	"DNS": true, "EOF": true, "GB": true, "GUID": true, "HCL": true, "HTML": true, "HTTP": true, "HTTPS": true,
	"ID": true, "IP": true, "JSON": true, "KB": true, "LHS": true, "MAC": true, "MB": true, "QPS": true,
	"RAM": true, "RHS": true, "RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "SSO": true,
	"TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "URI": true, "URL": true,
	"UTF8": true, "UUID": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true}
