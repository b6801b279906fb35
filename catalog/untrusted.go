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
}
