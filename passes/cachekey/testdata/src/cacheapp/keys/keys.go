// Package keys builds the application's cache keys, in another package than their callers.
package keys

import (
	"fmt"
	"strconv"
)

// Stats names a shared entry: nothing in it tells the tenants apart.
func Stats(id int64) string { return "stats:" + strconv.FormatInt(id, 10) }

// ForTenant gets the tenant from its caller: its callers decide.
func ForTenant(tenantID string, id int64) string { return fmt.Sprintf("%s:stats:%d", tenantID, id) }
