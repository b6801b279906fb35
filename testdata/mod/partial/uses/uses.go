// Package uses loads, but its dependency does not.
package uses

import "example.com/partial/broken"

func Name() string { return broken.Name() }
