// Package schemas is a stub of xorm.io/xorm/schemas.
package schemas

// PK represents primary key values
type PK []interface{}

// NewPK creates primay keys
func NewPK(pks ...interface{}) *PK {
	p := PK(pks)
	return &p
}
