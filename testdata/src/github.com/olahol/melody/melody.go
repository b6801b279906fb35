// Package melody is a stub of github.com/olahol/melody for the analysistest fixtures: only what
// they call, with the real signatures (contract/ compares them).
package melody

type Melody struct{}

type Session struct{ Keys map[string]any }

func (m *Melody) Broadcast(msg []byte) error                               { return nil }
func (m *Melody) BroadcastFilter(msg []byte, fn func(*Session) bool) error { return nil }
func (s *Session) Get(key string) (value interface{}, exists bool)         { return nil, false }
