package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, Devel},
		{&debug.BuildInfo{}, Devel},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, Devel},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.4.1"}}, "v0.4.1"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261202123000-330ae72abcde+dirty"}}, "v0.0.0-20261202123000-330ae72abcde+dirty"},
	} {
		if got := fromBuildInfo(tc.bi); got != tc.want {
			t.Errorf("fromBuildInfo(%+v) = %q, want %q", tc.bi, got, tc.want)
		}
	}
}
