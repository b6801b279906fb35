package contract

// The web and RPC frameworks whose request inputs catalog/untrusted.go names.
import (
	_ "github.com/gin-gonic/gin"
	_ "github.com/go-chi/chi/v5"
	_ "github.com/gofiber/fiber/v2"
	_ "github.com/gorilla/mux"
	_ "github.com/labstack/echo/v4"
	_ "google.golang.org/grpc/metadata"
)

// The generated servers' binders (catalog.Binders).
import _ "github.com/oapi-codegen/runtime"
