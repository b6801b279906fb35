package catalog

// frameworkUntrusted are web and RPC frameworks' request inputs: path parameters, query values,
// form values, headers, cookies, metadata. A tenant id read from them is chosen by the caller.
// Every result of such a call is request input, and so is whatever is read out of it (a map's
// values, a slice's elements, a method's result, a conversion). Values that middleware stored
// on the framework's context (gin's Get, echo's Get, fiber's Locals) are not listed: they are
// set by the service itself, typically after authentication.
var frameworkUntrusted = []string{
	// gorilla/mux: the route variables of a request.
	"github.com/gorilla/mux.Vars",

	// chi v5: URL parameters, from the request, its context, or the routing context.
	"github.com/go-chi/chi/v5.URLParam",
	"github.com/go-chi/chi/v5.URLParamFromCtx",
	"(github.com/go-chi/chi/v5.Context).URLParam",

	// echo v4: Context is an interface; its request (c.Request()) is net/http's. The generic
	// helpers (echo.PathParam[T] & co.) parse the same inputs.
	"(github.com/labstack/echo/v4.Context).Param",
	"(github.com/labstack/echo/v4.Context).ParamValues",
	"(github.com/labstack/echo/v4.Context).QueryParam",
	"(github.com/labstack/echo/v4.Context).QueryParams",
	"(github.com/labstack/echo/v4.Context).QueryString",
	"(github.com/labstack/echo/v4.Context).FormValue",
	"(github.com/labstack/echo/v4.Context).FormParams",
	"(github.com/labstack/echo/v4.Context).Cookie",
	"github.com/labstack/echo/v4.PathParam",
	"github.com/labstack/echo/v4.PathParamOr",
	"github.com/labstack/echo/v4.QueryParam",
	"github.com/labstack/echo/v4.QueryParamOr",
	"github.com/labstack/echo/v4.QueryParams",
	"github.com/labstack/echo/v4.QueryParamsOr",
	"github.com/labstack/echo/v4.FormParam",
	"github.com/labstack/echo/v4.FormParamOr",
	"github.com/labstack/echo/v4.FormParams",
	"github.com/labstack/echo/v4.FormParamsOr",

	// gin: path, query, form, header and cookie values (c.Request is net/http's). Binding
	// (ShouldBindUri and co.) fills its argument and returns only an error: not expressible here.
	"(github.com/gin-gonic/gin.Context).Param",
	"(github.com/gin-gonic/gin.Context).Query",
	"(github.com/gin-gonic/gin.Context).DefaultQuery",
	"(github.com/gin-gonic/gin.Context).GetQuery",
	"(github.com/gin-gonic/gin.Context).QueryArray",
	"(github.com/gin-gonic/gin.Context).GetQueryArray",
	"(github.com/gin-gonic/gin.Context).QueryMap",
	"(github.com/gin-gonic/gin.Context).GetQueryMap",
	"(github.com/gin-gonic/gin.Context).PostForm",
	"(github.com/gin-gonic/gin.Context).DefaultPostForm",
	"(github.com/gin-gonic/gin.Context).GetPostForm",
	"(github.com/gin-gonic/gin.Context).PostFormArray",
	"(github.com/gin-gonic/gin.Context).GetPostFormArray",
	"(github.com/gin-gonic/gin.Context).PostFormMap",
	"(github.com/gin-gonic/gin.Context).GetPostFormMap",
	"(github.com/gin-gonic/gin.Context).GetHeader",
	"(github.com/gin-gonic/gin.Context).Cookie",
	// c.Params, the route's parameters, read directly.
	"(github.com/gin-gonic/gin.Params).ByName",
	"(github.com/gin-gonic/gin.Params).Get",

	// fiber v2: route parameters, query, form, header (Get) and cookie values.
	"(github.com/gofiber/fiber/v2.Ctx).Params",
	"(github.com/gofiber/fiber/v2.Ctx).ParamsInt",
	"(github.com/gofiber/fiber/v2.Ctx).AllParams",
	"(github.com/gofiber/fiber/v2.Ctx).Query",
	"(github.com/gofiber/fiber/v2.Ctx).QueryInt",
	"(github.com/gofiber/fiber/v2.Ctx).Queries",
	"(github.com/gofiber/fiber/v2.Ctx).FormValue",
	"(github.com/gofiber/fiber/v2.Ctx).Get",
	"(github.com/gofiber/fiber/v2.Ctx).GetReqHeaders",
	"(github.com/gofiber/fiber/v2.Ctx).Cookies",

	// gRPC: the incoming request's metadata (md.Get("x-tenant") on it is derived).
	"google.golang.org/grpc/metadata.FromIncomingContext",
	"google.golang.org/grpc/metadata.ValueFromIncomingContext",

	// dskit and weaveworks/common read the org id header (or gRPC metadata) of the request
	// again, instead of taking it from the authenticated context (user.ExtractOrgID, a source).
	// Every result is request input, the returned context included; a source read from that
	// context is still the tenant.
	"github.com/grafana/dskit/user.ExtractOrgIDFromHTTPRequest",
	"github.com/grafana/dskit/user.ExtractFromGRPCRequest",
	"github.com/weaveworks/common/user.ExtractOrgIDFromHTTPRequest",
	"github.com/weaveworks/common/user.ExtractFromGRPCRequest",
}

// untrustedLibraries are the frameworks, whose own code is not analysed (their middleware
// packages included). All of gRPC is one: skipping it is what keeps services built on it cheap,
// and its code is no tenant's. (dskit's and weaveworks' user packages are core libraries.)
var untrustedLibraries = []string{
	"github.com/gorilla/mux",
	"github.com/go-chi/chi/v5",
	"github.com/labstack/echo/v4",
	"github.com/gin-gonic/gin",
	"github.com/gofiber/fiber/v2",
	"google.golang.org/grpc",
	"github.com/oapi-codegen/runtime",
}

// Binder is a call that fills what its argument points to with request input: a framework
// binding a struct from the path, query, form, headers or body (echo's Bind, gin's
// ShouldBind*, fiber's BodyParser), or a generated binder filling one parameter
// (oapi-codegen's runtime.BindQueryParameter). The exported fields of a bound struct are
// request input: body binding fills untagged fields too (encoding/json matches field names),
// and the form and query binders fall back to the field name where gin's do. Not filled: fields
// tagged "-" for every binding tag they have, and header fields (`header:"X-Tenant"`,
// fiber's `reqHeader`) naming a header the configuration trusts (tenant.trusted_headers).
type Binder struct {
	Func string
	Arg  int // the argument pointing at what is filled (receiver excluded)
	// Decoder: the call decodes what argument From reads (-1: the receiver, a json.Decoder),
	// and the target is request input only when that is (a request's body).
	Decoder bool
	From    int
}

// Binders are the built-in binders.
var Binders = buildBinders()

func buildBinders() []Binder {
	var out []Binder
	fill := func(recv string, arg int, methods ...string) {
		for _, m := range methods {
			out = append(out, Binder{Func: "(" + recv + ")." + m, Arg: arg})
		}
	}
	// echo v4: Context.Bind binds the path, then the query (GET, DELETE, HEAD), then the body;
	// DefaultBinder's parts bind one of them (its Bind takes the target first).
	fill("github.com/labstack/echo/v4.Context", 0, "Bind")
	fill("github.com/labstack/echo/v4.Binder", 0, "Bind")
	fill("github.com/labstack/echo/v4.DefaultBinder", 0, "Bind")
	fill("github.com/labstack/echo/v4.DefaultBinder", 1, "BindPathParams", "BindQueryParams", "BindBody", "BindHeaders")
	// gin: every Bind*/ShouldBind*/MustBindWith binds its first argument.
	fill("github.com/gin-gonic/gin.Context", 0, "Bind", "BindJSON", "BindXML", "BindQuery", "BindYAML",
		"BindTOML", "BindPlain", "BindHeader", "BindUri", "MustBindWith", "ShouldBind", "ShouldBindJSON",
		"ShouldBindXML", "ShouldBindQuery", "ShouldBindYAML", "ShouldBindTOML", "ShouldBindPlain",
		"ShouldBindHeader", "ShouldBindUri", "ShouldBindWith", "ShouldBindBodyWith",
		"ShouldBindBodyWithJSON", "ShouldBindBodyWithXML", "ShouldBindBodyWithYAML",
		"ShouldBindBodyWithTOML", "ShouldBindBodyWithPlain")
	// fiber v2: the body, route parameters, query, headers and cookies.
	fill("github.com/gofiber/fiber/v2.Ctx", 0, "BodyParser", "ParamsParser", "QueryParser", "ReqHeaderParser", "CookieParser")
	// oapi-codegen's runtime, as generated servers call it: each fills dest with one parameter
	// (BindStyledParameter* a path or header parameter, BindQueryParameter* a query one) or the
	// form body.
	const oapi = "github.com/oapi-codegen/runtime."
	out = append(out,
		Binder{Func: oapi + "BindStyledParameter", Arg: 4},
		Binder{Func: oapi + "BindStyledParameterWithLocation", Arg: 5},
		Binder{Func: oapi + "BindStyledParameterWithOptions", Arg: 3},
		Binder{Func: oapi + "BindQueryParameter", Arg: 5},
		Binder{Func: oapi + "BindQueryParameterWithOptions", Arg: 5},
		Binder{Func: oapi + "BindRawQueryParameter", Arg: 5},
		Binder{Func: oapi + "BindForm", Arg: 0},
		Binder{Func: oapi + "BindMultipart", Arg: 0},
	)
	// Decoders: what they fill is request input when what they read is (json.NewDecoder(r.Body),
	// json.Unmarshal of io.ReadAll(r.Body)), as chi and net/http handlers bind a body.
	out = append(out,
		Binder{Func: "(encoding/json.Decoder).Decode", Arg: 0, Decoder: true, From: -1},
		Binder{Func: "encoding/json.Unmarshal", Arg: 1, Decoder: true, From: 0},
		Binder{Func: "(encoding/xml.Decoder).Decode", Arg: 0, Decoder: true, From: -1},
		Binder{Func: "encoding/xml.Unmarshal", Arg: 1, Decoder: true, From: 0},
	)
	return out
}

// UntrustedFields are struct fields that hold request input: the body and form of an
// incoming request, read directly (json.NewDecoder(r.Body)). (Its Header is read through
// Header.Get, which tenant.trusted_headers can vouch for by name.)
var UntrustedFields = []string{
	"(net/http.Request).Body",
	"(net/http.Request).Form",
	"(net/http.Request).PostForm",
}

// HeaderTags are the struct tags by which binders fill a field from a request header.
var HeaderTags = []string{"header", "reqHeader"}

// BindingTags are the struct tags binders read a field's request name from.
var BindingTags = []string{"param", "query", "form", "uri", "json", "xml", "yaml", "toml", "params", "header", "reqHeader", "cookie"}

// HeaderGetters read one request header by name (argument 0): reading a header that
// tenant.trusted_headers names is not request input.
var HeaderGetters = []string{
	"(net/http.Header).Get",
	"(net/http.Header).Values",
	"(github.com/gin-gonic/gin.Context).GetHeader",
	"(github.com/gofiber/fiber/v2.Ctx).Get",
}
