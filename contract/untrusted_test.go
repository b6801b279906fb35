package contract

// The web and RPC frameworks of catalog/untrusted.go, and the stubs under testdata/src that
// stand for them.
func init() {
	realPackages = append(realPackages,
		"github.com/gorilla/mux",
		"github.com/go-chi/chi/v5",
		"github.com/labstack/echo/v4",
		"github.com/gin-gonic/gin",
		"github.com/gofiber/fiber/v2",
		"google.golang.org/grpc/metadata",
	)
}
