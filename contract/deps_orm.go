package contract

// The ORM and query-builder libraries of catalog/orm.go, and ent's code generator, whose naming
// the ent rows follow.
import (
	_ "entgo.io/ent"
	_ "entgo.io/ent/entc/gen"
	_ "github.com/Masterminds/squirrel"
	_ "github.com/gobuffalo/pop/v6"
	_ "github.com/uptrace/bun"
	_ "github.com/xorm-io/xorm"
	_ "gorm.io/gorm"
	_ "xorm.io/xorm"
)
