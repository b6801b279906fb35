package gormapp

import (
	"context"
	"net/http"

	"example.com/auth"
	"gorm.io/gorm"
)

// A row loaded with the tenant predicate and saved, updated or deleted by its primary key (gorm
// adds the model's key) stays the tenant's row.

func (s *Store) RenameLoaded(ctx context.Context, id int64, name string) error {
	var d Device
	if err := s.db.Where("tenant_id = ?", auth.TenantID(ctx)).First(&d, id).Error; err != nil {
		return err
	}
	d.Name = name
	return s.db.Save(&d).Error
}

func (s *Store) RenameLoadedInline(ctx context.Context, id int64, name string) error {
	var d Device
	if err := s.db.First(&d, "tenant_id = ? AND id = ?", auth.TenantID(ctx), id).Error; err != nil {
		return err
	}
	if err := s.db.Model(&d).Update("name", name).Error; err != nil {
		return err
	}
	return s.db.Model(&d).Updates(map[string]any{"name": name}).Error
}

func (s *Store) DeleteLoaded(ctx context.Context, id int64) error {
	var d Device
	if err := s.db.Scopes(TenantScope(ctx)).Where("id = ?", id).Take(&d).Error; err != nil {
		return err
	}
	return s.db.Delete(&d).Error
}

// RenameUnscopedLoad loads the device by id alone and saves it: both are unscoped.
func (s *Store) RenameUnscopedLoad(id int64, name string) error {
	var d Device
	if err := s.db.First(&d, id).Error; err != nil { // want `gorm query on tenant table "devices" is not scoped`
		return err
	}
	d.Name = name
	return s.db.Save(&d).Error // want `gorm insert into tenant table "devices" does not set the model's tenant field`
}

// DeleteFresh deletes by an id from the caller with a fresh model: not a loaded row.
func (s *Store) DeleteFresh(id int64) error {
	return s.db.Delete(&Device{ID: id}).Error // want `gorm query on tenant table "devices" is not scoped`
}

// loadDevice loads the tenant's device.
func (s *Store) loadDevice(ctx context.Context, id int64) (*Device, error) {
	d := &Device{}
	err := s.db.Where("tenant_id = ? AND id = ?", auth.TenantID(ctx), id).First(d).Error
	return d, err
}

func (s *Store) RenameThroughHelper(ctx context.Context, id int64, name string) error {
	d, err := s.loadDevice(ctx, id)
	if err != nil {
		return err
	}
	d.Name = name
	if err := s.db.Save(d).Error; err != nil {
		return err
	}
	return s.db.Delete(d).Error
}

// MoveLoaded loads the tenant's row and moves it to another tenant: the saved tenant field is
// what is judged.
func (s *Store) MoveLoaded(ctx context.Context, tx *gorm.DB, id int64) error {
	var d Device
	if err := tx.Where("tenant_id = ?", auth.TenantID(ctx)).First(&d, id).Error; err != nil {
		return err
	}
	d.TenantID = "other"
	return tx.Save(&d).Error // want `tenant_id in the gorm insert`
}

// A repository that saves or deletes the row it is given: its callers decide which row that is.
func (s *Store) SaveDevice(d *Device) error {
	return s.db.Save(d).Error
}

func (s *Store) DeleteDevice(d Device) error {
	return s.db.Delete(&d).Error
}

// RenameThroughRepository passes the row it loaded with the tenant: quiet.
func (s *Store) RenameThroughRepository(ctx context.Context, id int64, name string) error {
	d, err := s.loadDevice(ctx, id)
	if err != nil {
		return err
	}
	d.Name = name
	if err := s.SaveDevice(d); err != nil {
		return err
	}
	return s.DeleteDevice(*d)
}

// DeleteMade passes a row made from a constant id: any tenant's row.
func (s *Store) DeleteMade() error {
	return s.DeleteDevice(Device{ID: 1}) // want `DeleteDevice needs the active tenant in d`
}

// A helper that changes a field of the row it is given and hands the row on: the obligation is
// on the row (its other fields are still the caller's), not on the new name.
func (s *Store) renameAndDelete(d *Device, name string) error {
	d.Name = name
	return s.DeleteDevice(*d)
}

// RenameLoadedThenDelete passes a row it loaded with the tenant and a name from the request:
// quiet.
func (s *Store) RenameLoadedThenDelete(ctx context.Context, r *http.Request, id int64) error {
	d, err := s.loadDevice(ctx, id)
	if err != nil {
		return err
	}
	return s.renameAndDelete(d, r.FormValue("name"))
}

// RenameMade passes a row made from a constant id: reported, on the row.
func (s *Store) RenameMade() error {
	return s.renameAndDelete(&Device{ID: 1}, "old") // want `renameAndDelete needs the active tenant in d\.`
}

// A flag holds no tenant: a row's obligation is not passed to the bool or float fields it has
// assigned.
type Alert struct {
	ID       int64
	TenantID string
	Muted    bool
}

func (s *Store) DeleteAlert(a Alert) error {
	return s.db.Delete(&a).Error
}

type alertFinder interface {
	Find(ctx context.Context, id int64) (*Alert, error)
}

// MuteFound deletes a row found through an interface, its flag from the request: quiet.
func (s *Store) MuteFound(ctx context.Context, f alertFinder, r *http.Request) error {
	a, err := f.Find(ctx, 1)
	if err != nil {
		return err
	}
	a.Muted = r.FormValue("muted") == "1"
	return s.DeleteAlert(*a)
}

// MuteMade makes the row from a constant id and a flag parameter: any tenant's row.
func (s *Store) MuteMade(muted bool) error {
	return s.DeleteAlert(Alert{ID: 1, Muted: muted}) // want `DeleteAlert needs the active tenant in a`
}

// A row reached from the row the caller gives (what a method of it returns) is the caller's
// business too.
type Fleet struct {
	ID       int64
	TenantID string
	Devices  []Device
}

func (f *Fleet) FirstDevice() *Device {
	if len(f.Devices) == 0 {
		return nil
	}
	return &f.Devices[0]
}

func (s *Store) DeleteFirstOf(f Fleet) error {
	return s.db.Delete(f.FirstDevice()).Error
}

// DeleteFirstLoaded passes a fleet it loaded with the tenant: quiet.
func (s *Store) DeleteFirstLoaded(ctx context.Context, id int64) error {
	var f Fleet
	if err := s.db.Where("tenant_id = ?", auth.TenantID(ctx)).First(&f, id).Error; err != nil {
		return err
	}
	return s.DeleteFirstOf(f)
}

// DeleteFirstMade makes the fleet from a constant id: its devices are any tenant's.
func (s *Store) DeleteFirstMade() error {
	return s.DeleteFirstOf(Fleet{ID: 1}) // want `DeleteFirstOf needs the active tenant in f`
}
