package popapp

import (
	"context"
	"net/http"
	"strconv"

	"example.com/auth"
	"github.com/gobuffalo/pop/v6"
)

// A model found with the tenant predicate and written back (pop writes a model by its id)
// stays the tenant's row.

func RenameLoaded(ctx context.Context, tx *pop.Connection, id int64, name string) error {
	var d Device
	if err := tx.Where("tenant_id = ?", auth.TenantID(ctx)).Find(&d, id); err != nil {
		return err
	}
	d.Name = name
	if err := tx.Update(&d); err != nil {
		return err
	}
	if _, err := tx.ValidateAndSave(&d); err != nil {
		return err
	}
	return tx.Destroy(&d)
}

// RenameUnscopedLoad finds by id alone: the update is unscoped too.
func RenameUnscopedLoad(tx *pop.Connection, id int64, name string) error {
	var d Device
	if err := tx.Find(&d, id); err != nil { // want `pop query on tenant table "devices" is not scoped`
		return err
	}
	d.Name = name
	return tx.Update(&d) // want `pop query on tenant table "devices" is not scoped`
}

func findDevice(ctx context.Context, tx *pop.Connection, id int64) (*Device, error) {
	d := &Device{}
	err := tx.Q().Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).First(d)
	return d, err
}

func SaveThroughHelper(ctx context.Context, tx *pop.Connection, id int64, name string) error {
	d, err := findDevice(ctx, tx, id)
	if err != nil {
		return err
	}
	d.Name = name
	return tx.Save(d)
}

// A persister that deletes the row it is given by its id: the callers decide which row it is.
type devicePersister struct{ tx *pop.Connection }

func (p devicePersister) Delete(d Device) error {
	return p.tx.Destroy(&d)
}

func (p devicePersister) DeletePtr(d *Device) error {
	return p.tx.Destroy(d)
}

func (p devicePersister) Get(ctx context.Context, id int64) (*Device, error) {
	d := &Device{}
	err := p.tx.Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).First(d)
	return d, err
}

// DeleteLoaded passes a row it loaded with the tenant: quiet.
func DeleteLoaded(ctx context.Context, p devicePersister, id int64) error {
	d, err := p.Get(ctx, id)
	if err != nil {
		return err
	}
	if err := p.DeletePtr(d); err != nil {
		return err
	}
	return p.Delete(*d)
}

// DeleteDefault makes the row from a constant id alone: the delete goes by id only.
func DeleteDefault(p devicePersister) error {
	return p.DeletePtr(&Device{ID: 1}) // want `DeletePtr needs the active tenant in d`
}

// DeleteFromURL makes the row from the URL's id: request input picks any tenant's row.
func DeleteFromURL(p devicePersister, r *http.Request) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return p.Delete(Device{ID: id}) // want `r.PathValue reaches Delete needs the active tenant in d`
}

// A helper that changes a field of the row it is given and hands the row on: its other fields,
// and so which row it is, are still the caller's (the parameter's memory, not zero values), and
// the obligation is on the row, not on the new name.
func renameAndDelete(p devicePersister, d *Device, name string) error {
	d.Name = name
	return p.Delete(*d)
}

// RenameLoadedThenDelete passes a row it loaded with the tenant, and a name from the request
// (which picks no row): quiet.
func RenameLoadedThenDelete(ctx context.Context, p devicePersister, r *http.Request, id int64) error {
	d, err := p.Get(ctx, id)
	if err != nil {
		return err
	}
	return renameAndDelete(p, d, r.FormValue("name"))
}

// RenameDefault makes the row from a constant id: reported, on the row.
func RenameDefault(p devicePersister) error {
	return renameAndDelete(p, &Device{ID: 1}, "old") // want `renameAndDelete needs the active tenant in d\.`
}

// A flag holds no tenant: a row's obligation is not passed to the bool or float fields it has
// assigned.
type Email struct {
	ID       int64  `db:"id"`
	TenantID string `db:"tenant_id"`
	Verified bool   `db:"verified"`
}

type emailPersister struct{ tx *pop.Connection }

func (p emailPersister) Update(e Email) error {
	return p.tx.Update(&e)
}

type emailFinder interface {
	Find(ctx context.Context, id int64) (*Email, error)
}

// VerifyFound updates a row found through an interface (the engine cannot see how it was
// found), with its flag from the request: the flag picks no row, quiet.
func VerifyFound(ctx context.Context, f emailFinder, p emailPersister, r *http.Request) error {
	e, err := f.Find(ctx, 1)
	if err != nil {
		return err
	}
	e.Verified = r.FormValue("verified") == "1"
	return p.Update(*e)
}

// VerifyMade makes the row from a constant id and a flag parameter: the flag does not pass the
// obligation to the callers, the row is any tenant's.
func VerifyMade(p emailPersister, verified bool) error {
	return p.Update(Email{ID: 1, Verified: verified}) // want `Update needs the active tenant in e`
}

// A row reached from the row the caller gives (what a method of it returns, one of its
// children) is the caller's business too.
type Account struct {
	ID       int64    `db:"id"`
	TenantID string   `db:"tenant_id"`
	Devices  []Device `has_many:"devices" db:"-"`
}

func (a *Account) FirstDevice() *Device {
	if len(a.Devices) == 0 {
		return nil
	}
	return &a.Devices[0]
}

func (p devicePersister) DeleteFirst(a Account) error {
	return p.tx.Destroy(a.FirstDevice())
}

func (p devicePersister) GetAccount(ctx context.Context, id int64) (*Account, error) {
	a := &Account{}
	err := p.tx.Eager().Where("tenant_id = ?", auth.TenantID(ctx)).Where("id = ?", id).First(a)
	return a, err
}

// DeleteFirstLoaded passes an account it loaded with the tenant: quiet.
func DeleteFirstLoaded(ctx context.Context, p devicePersister, id int64) error {
	a, err := p.GetAccount(ctx, id)
	if err != nil {
		return err
	}
	return p.DeleteFirst(*a)
}

// DeleteFirstMade makes the account from a constant id: its devices are any tenant's.
func DeleteFirstMade(p devicePersister) error {
	return p.DeleteFirst(Account{ID: 1}) // want `DeleteFirst needs the active tenant in a`
}

// A row a constructor builds from request input and the tenant: the row as a whole holds
// request input, but its tenant field is the tenant parameter, not the request's.
type AuditEntry struct {
	ID        int64  `db:"id"`
	TenantID  string `db:"tenant_id"`
	UserAgent string `db:"user_agent"`
}

func newAuditEntry(agent, tenantID string) AuditEntry {
	return AuditEntry{UserAgent: agent, TenantID: tenantID}
}

func storeAudit(tx *pop.Connection, e AuditEntry) error {
	return tx.Create(&e)
}

// auditRequest builds the entry from the request's user agent and the tenant its callers
// give: its tenant field is not request input (which field of the entry the engine follows is
// lost in the constructor, so it is unknown rather than a finding).
func auditRequest(tx *pop.Connection, r *http.Request, tenantID string, mask bool) error {
	e := newAuditEntry(r.Header.Get("User-Agent"), tenantID)
	if mask {
		e = maskAudit(e)
	}
	return storeAudit(tx, e)
}

func maskAudit(e AuditEntry) AuditEntry {
	e.UserAgent = "masked"
	return e
}

func AuditRequest(ctx context.Context, tx *pop.Connection, r *http.Request) error {
	return auditRequest(tx, r, auth.TenantID(ctx), true)
}

// AuditFromRequest builds it from request input alone: its tenant is the request's.
func AuditFromRequest(tx *pop.Connection, r *http.Request) error {
	e := newAuditEntry(r.Header.Get("User-Agent"), r.FormValue("tenant"))
	return storeAudit(tx, e) // want `tenant id comes from request input`
}
