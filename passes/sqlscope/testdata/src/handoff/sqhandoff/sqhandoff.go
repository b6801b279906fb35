// Package sqhandoff exercises squirrel builders handed off: kept in a struct field by the
// constructor, run by a helper through a local interface or squirrel's Sqlizer, and run by a
// helper that takes the builder as a parameter.
package sqhandoff

import (
	"context"
	"database/sql"

	"example.com/auth"
	sq "github.com/Masterminds/squirrel"
)

// BoardStore is built for one tenant: its prepared statement already has the tenant predicate.
type BoardStore struct {
	db      *sql.DB
	devices sq.SelectBuilder
}

func NewBoardStore(ctx context.Context, db *sql.DB) *BoardStore {
	return &BoardStore{db: db, devices: sq.Select("id").From("devices").Where(sq.Eq{"tenant_id": auth.TenantID(ctx)})}
}

func (s *BoardStore) Device(ctx context.Context, id int64) (*sql.Rows, error) {
	q, args, err := s.devices.Where(sq.Eq{"id": id}).ToSql()
	if err != nil {
		return nil, err
	}
	return s.db.QueryContext(ctx, q, args...)
}

// builder is what every squirrel statement implements.
type builder interface {
	ToSql() (string, []interface{}, error)
}

type Store struct {
	db           *sql.DB
	deviceSelect sq.SelectBuilder
	userSelect   sq.SelectBuilder
}

func New(db *sql.DB) *Store {
	return &Store{
		db:           db,
		deviceSelect: sq.Select("id", "name").From("devices"),
		userSelect:   sq.Select("id", "email").From("users"),
	}
}

// The prepared statement in the field keeps its table.
func (s *Store) Device(ctx context.Context, id int64) (*sql.Rows, error) {
	q, args, err := s.deviceSelect.Where(sq.Eq{"id": id}).ToSql() // want `squirrel query on tenant table "devices" is not scoped`
	if err != nil {
		return nil, err
	}
	return s.db.QueryContext(ctx, q, args...)
}

func (s *Store) DeviceOK(ctx context.Context, id int64) (*sql.Rows, error) {
	q, args, err := s.deviceSelect.Where(sq.Eq{"id": id, "tenant_id": auth.TenantID(ctx)}).ToSql()
	if err != nil {
		return nil, err
	}
	return s.db.QueryContext(ctx, q, args...)
}

// users is not a tenant table.
func (s *Store) User(ctx context.Context, id int64) (*sql.Rows, error) {
	q, args, err := s.userSelect.Where(sq.Eq{"id": id}).ToSql()
	if err != nil {
		return nil, err
	}
	return s.db.QueryContext(ctx, q, args...)
}

// exec runs any statement it is given: its callers decide the scope.
func (s *Store) exec(ctx context.Context, b builder) error {
	q, args, err := b.ToSql()
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, q, args...)
	return err
}

// execSqlizer is the same helper with squirrel's own interface.
func (s *Store) execSqlizer(ctx context.Context, b sq.Sqlizer) error {
	q, args, err := b.ToSql()
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, q, args...)
	return err
}

func (s *Store) Rename(ctx context.Context, id int64, name string) error {
	return s.exec(ctx, sq.Update("devices").Set("name", name).Where(sq.Eq{"id": id})) // want `exec needs the active tenant in b \(for the squirrel query it runs\), but it gets a query builder without a tenant predicate`
}

func (s *Store) RenameOK(ctx context.Context, id int64, name string) error {
	return s.exec(ctx, sq.Update("devices").Set("name", name).Where(sq.Eq{"id": id, "tenant_id": auth.TenantID(ctx)}))
}

func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.execSqlizer(ctx, sq.Delete("devices").Where(sq.Eq{"id": id})) // want `execSqlizer needs the active tenant in b`
}

// A statement on a table without a tenant, and one whose table the caller does not know.
func (s *Store) RenameUser(ctx context.Context, id int64, email, table string) error {
	if err := s.exec(ctx, sq.Update("users").Set("email", email).Where(sq.Eq{"id": id})); err != nil {
		return err
	}
	return s.exec(ctx, sq.Update(table).Set("email", email).Where(sq.Eq{"id": id}))
}

// A builder parameter passes the obligation on, to RenameVia's callers.
func (s *Store) RenameVia(ctx context.Context, b sq.UpdateBuilder) error {
	return s.exec(ctx, b)
}

func (s *Store) RenameViaBad(ctx context.Context, id int64) error {
	return s.RenameVia(ctx, sq.Update("devices").Set("name", "x").Where(sq.Eq{"id": id})) // want `RenameVia needs the active tenant in b`
}

// Run in place on a builder given as a parameter: the caller's builder is judged.
func runSelect(ctx context.Context, db *sql.DB, b sq.SelectBuilder) (*sql.Rows, error) {
	q, args, err := b.ToSql()
	if err != nil {
		return nil, err
	}
	return db.QueryContext(ctx, q, args...)
}

func (s *Store) List(ctx context.Context) {
	runSelect(ctx, s.db, sq.Select("id").From("devices")) // want `runSelect needs the active tenant in b`
	runSelect(ctx, s.db, sq.Select("id").From("devices").Where(sq.Eq{"tenant_id": auth.TenantID(ctx)}))
	runSelect(ctx, s.db, sq.Select("id").From("users"))
}

// A helper makes the builder and returns it; the caller adds conditions and runs it. The table
// and predicates the helper gave it are the caller's to judge.
type Reader struct {
	db      *sql.DB
	builder sq.StatementBuilderType
}

func (r *Reader) devicesQuery() sq.SelectBuilder {
	return r.builder.Select("id", "name").From("devices")
}

func (r *Reader) scopedQuery(tenantID string) sq.SelectBuilder {
	return r.builder.Select("id", "name").From("devices").Where(sq.Eq{"tenant_id": tenantID})
}

func (r *Reader) devicesQueryErr(limit uint64) (sq.SelectBuilder, error) {
	if limit == 0 {
		return sq.SelectBuilder{}, nil
	}
	return r.builder.Select("id").From("devices").Limit(limit), nil
}

func (r *Reader) Read(ctx context.Context, tenantID string, id int64) error {
	q, args, err := r.devicesQuery().Where(sq.Eq{"id": id}).ToSql() // want `squirrel query on tenant table "devices" is not scoped`
	if err != nil {
		return err
	}
	_, err = r.db.QueryContext(ctx, q, args...)
	return err
}

func (r *Reader) ReadOK(ctx context.Context, tenantID string, id int64) error {
	q, args, err := r.scopedQuery(tenantID).Where(sq.Eq{"id": id}).ToSql()
	if err != nil {
		return err
	}
	_, err = r.db.QueryContext(ctx, q, args...)
	return err
}

func (r *Reader) ReadOK2(ctx context.Context, tenantID string, id int64) error {
	q, args, err := r.devicesQuery().Where(sq.Eq{"id": id, "tenant_id": tenantID}).ToSql()
	if err != nil {
		return err
	}
	_, err = r.db.QueryContext(ctx, q, args...)
	return err
}

func (r *Reader) ReadErr(ctx context.Context, id int64) error {
	b, err := r.devicesQueryErr(10)
	if err != nil {
		return err
	}
	q, args, err := b.Where(sq.Eq{"id": id}).ToSql() // want `squirrel query on tenant table "devices" is not scoped`
	if err != nil {
		return err
	}
	_, err = r.db.QueryContext(ctx, q, args...)
	return err
}
