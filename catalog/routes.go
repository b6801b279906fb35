package catalog

// Route is a web framework's call that registers handlers or middleware: route middleware
// that checks the tenant of the request (a configured validator, or a comparison of request
// input with the active tenant) is a validator for the handlers it guards.
type Route struct {
	Func string
	// Handler is the argument holding the handler (-1: none); Middleware the first of the
	// variadic middleware arguments (-1: none). HandlerLast: the handlers are one variadic
	// from Middleware on, the last is the handler and the others its middleware (gin).
	Handler, Middleware int
	HandlerLast         bool
	// Group: the result is a router whose routes get the receiver's middleware and these.
	// SubRouter: argument Sub is a func(Router) whose router is such a group (chi's Route,
	// Group). Use: the middleware guard every route of the receiver.
	Group, Use, SubRouter bool
	Sub                   int
}

// Routes are the built-in route registrations of echo v4, chi v5 and gin.
var Routes = buildRoutes()

func buildRoutes() []Route {
	var out []Route
	add := func(recv string, r Route, methods ...string) {
		for _, m := range methods {
			r.Func = "(" + recv + ")." + m
			out = append(out, r)
		}
	}
	verbs := []string{"CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE", "Any", "RouteNotFound"}

	// echo: e.GET(path, h, m...), e.Add(method, path, h, m...), e.Match(methods, path, h, m...),
	// e.Group(prefix, m...), e.Use(m...); the same on *Group.
	for _, r := range []string{"github.com/labstack/echo/v4.Echo", "github.com/labstack/echo/v4.Group"} {
		add(r, Route{Handler: 1, Middleware: 2}, verbs...)
		add(r, Route{Handler: 2, Middleware: 3}, "Add", "Match")
		add(r, Route{Handler: -1, Middleware: 1, Group: true}, "Group")
		add(r, Route{Handler: -1, Middleware: 0, Use: true}, "Use")
	}

	// chi: r.Get(pattern, h), r.With(m...) returns a router with them, r.Use(m...), and
	// r.Route(pattern, fn) / r.Group(fn) give fn a sub-router. On the Router interface and *Mux.
	for _, r := range []string{"github.com/go-chi/chi/v5.Router", "github.com/go-chi/chi/v5.Mux"} {
		add(r, Route{Handler: 1, Middleware: -1}, "Connect", "Delete", "Get", "Head", "Options", "Patch",
			"Post", "Put", "Trace", "Handle", "HandleFunc")
		add(r, Route{Handler: 2, Middleware: -1}, "Method", "MethodFunc")
		add(r, Route{Handler: -1, Middleware: 0, Group: true}, "With")
		add(r, Route{Handler: -1, Middleware: 0, Use: true}, "Use")
		add(r, Route{Handler: -1, Middleware: -1, Group: true, SubRouter: true, Sub: 1}, "Route")
		add(r, Route{Handler: -1, Middleware: -1, Group: true, SubRouter: true, Sub: 0}, "Group")
	}

	// gin: g.GET(path, handlers...) (middleware first, the handler last), g.Handle(method,
	// path, handlers...), g.Group(path, handlers...), g.Use(middleware...). *Engine embeds
	// RouterGroup (its own Use included).
	const gin = "github.com/gin-gonic/gin.RouterGroup"
	add(gin, Route{Handler: -1, Middleware: 1, HandlerLast: true}, "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "Any")
	add(gin, Route{Handler: -1, Middleware: 2, HandlerLast: true}, "Handle", "Match")
	add(gin, Route{Handler: -1, Middleware: 1, Group: true}, "Group")
	add(gin, Route{Handler: -1, Middleware: 0, Use: true}, "Use")
	add("github.com/gin-gonic/gin.Engine", Route{Handler: -1, Middleware: 0, Use: true}, "Use")
	return out
}
