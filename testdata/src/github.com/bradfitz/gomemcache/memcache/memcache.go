// Package memcache is a stub of github.com/bradfitz/gomemcache/memcache for the analysistest
// fixtures: only what they call, with the real signatures (contract/ compares them).
package memcache

type Item struct {
	Key        string
	Value      []byte
	Flags      uint32
	Expiration int32
	CasID      uint64
}

type Client struct{ Timeout int64 }

func New(server ...string) *Client { return &Client{} }

func (c *Client) Get(key string) (item *Item, err error)                          { return nil, nil }
func (c *Client) GetMulti(keys []string) (map[string]*Item, error)                { return nil, nil }
func (c *Client) Set(item *Item) error                                            { return nil }
func (c *Client) Add(item *Item) error                                            { return nil }
func (c *Client) Delete(key string) error                                         { return nil }
func (c *Client) Increment(key string, delta uint64) (newValue uint64, err error) { return 0, nil }
