package config

import "testing"

// TestNolintFlag: -nolint takes tenantlint or driver and nothing else.
func TestNolintFlag(t *testing.T) {
	defer Analyzer.Flags.Set("nolint", "tenantlint")
	if NolintByDriver() {
		t.Fatal("//nolint left to the driver by default")
	}
	if err := Analyzer.Flags.Set("nolint", "driver"); err != nil || !NolintByDriver() {
		t.Fatalf("-nolint=driver: err %v, by driver %v", err, NolintByDriver())
	}
	if err := Analyzer.Flags.Set("nolint", "golangci"); err == nil {
		t.Fatal("-nolint=golangci accepted")
	}
}
