package catalog

import "strings"

// cacheSinks are the cache libraries' key sinks (family "cache"): go-redis v9, rueidis,
// gomemcache, ristretto v1 and v2, go-cache, gocache v4, singleflight and groupcache.
var cacheSinks = buildCacheSinks()

// cacheLibraries are the cache libraries, whose own code is not analysed.
var cacheLibraries = []string{
	"github.com/redis/go-redis", // v9 and its extra/ modules
	"github.com/redis/rueidis",
	"github.com/bradfitz/gomemcache",
	"github.com/dgraph-io/ristretto", // v2 too
	"github.com/patrickmn/go-cache",
	"github.com/eko/gocache", // lib/v4 and the store modules
	"golang.org/x/sync/singleflight",
	"github.com/golang/groupcache",
}

// cacheCommands are methods (or, with pkg, functions) that take their keys at the same
// positions, on each of recv ("pkg/path.Type").
type cacheCommands struct {
	recv    []string
	pkg     string
	methods string // space-separated
	at      []KeySink
	what    string // "" for "cache key"
}

// cacheTable lists the cache commands. Every helper is local: the other families' files share
// the package.
func cacheTable() []cacheCommands {
	// Key positions, receiver excluded and context included (GET's key is argument 1 of
	// Get(ctx, key)): key(i) is argument i; keys(i) every element of the
	// variadic argument i (DEL k1 k2); pairs(i) and triplets(i) its 1st, 3rd, 5th... or 1st,
	// 4th... elements (MSET k1 v1 k2 v2; JSON.MSET k1 path v1 ...); field(i, f) the field f of
	// argument i, a struct or a pointer to one (memcache.Item.Key). A []string of keys that is
	// not variadic (EVAL's keys, GetMulti, rueidis.MGet) is keys(i) too: the elements of a slice
	// literal are judged one by one, any other slice as one value. ZStore.Keys (a field) is
	// judged as one value.
	key := func(i int) KeySink { return KeySink{Arg: i} }
	keys := func(i int) KeySink { return KeySink{Arg: i, Variadic: true} }
	pairs := func(i int) KeySink { return KeySink{Arg: i, Variadic: true, Stride: 2} }
	triplets := func(i int) KeySink { return KeySink{Arg: i, Variadic: true, Stride: 3} }
	field := func(i int, name string) KeySink { return KeySink{Arg: i, Field: name} }

	const (
		goRedis = "github.com/redis/go-redis/v9"
		rueidis = "github.com/redis/rueidis"
		// rueidisCmds is where rueidis's command builders are (client.B().Get().Key(k)): every
		// builder step is a type of its own, and the step that takes a key is a method of it.
		rueidisCmds = "github.com/redis/rueidis/internal/cmds"
		memcache    = "github.com/bradfitz/gomemcache/memcache"
		gocache     = "github.com/eko/gocache/lib/v4"
	)
	recvs := func(pkg string, types ...string) []string {
		out := make([]string, len(types))
		for i, t := range types {
			out[i] = pkg + "." + t
		}
		return out
	}
	// redis is a go-redis v9 command group. Its commands are methods of the unexported
	// cmdable, which Client, ClusterClient, Ring, Conn, Tx and Pipeline embed (a call on any of
	// them resolves to cmdable's method), and of the interface of Cmdable that declares them: a
	// call through Cmdable, UniversalClient, Pipeliner or StatefulCmdable resolves to that
	// interface's method (GET is StringCmdable's), so that is the row it needs.
	redis := func(iface, methods string, at ...KeySink) cacheCommands {
		return cacheCommands{recv: recvs(goRedis, "cmdable", iface), methods: methods, at: at}
	}
	// builders are rueidis builder steps: the method of each of types.
	builders := func(method, types string, at KeySink) []cacheCommands {
		var out []cacheCommands
		for _, t := range strings.Fields(types) {
			out = append(out, cacheCommands{recv: recvs(rueidisCmds, t), methods: method, at: []KeySink{at}})
		}
		return out
	}

	t := []cacheCommands{
		// go-redis v9: keys and strings.
		redis("GenericCmdable", "Dump Expire ExpireAt ExpireGT ExpireLT ExpireNX ExpireTime ExpireXX Move "+
			"ObjectEncoding ObjectFreq ObjectIdleTime ObjectRefCount PExpire PExpireAt PExpireTime PTTL "+
			"Persist Restore RestoreReplace Sort SortInterfaces SortRO TTL Type", key(1)),
		redis("GenericCmdable", "Del Exists Touch", keys(1)),
		redis("GenericCmdable", "Copy Rename RenameNX SortStore", key(1), key(2)),
		redis("GenericCmdable", "Migrate", key(3)),
		redis("Cmdable", "Unlink", keys(1)),
		redis("Cmdable", "DebugObject MemoryUsage", key(1)),
		redis("StringCmdable", "Append Decr DecrBy DelExArgs Digest Get GetDel GetEx GetRange GetSet "+
			"GetToBuffer Incr IncrBy IncrByFloat IncrEXFloat IncrEXInt Set SetArgs SetEx SetFromBuffer "+
			"SetIFDEQ SetIFDEQGet SetIFDNE SetIFDNEGet SetIFEQ SetIFEQGet SetIFNE SetIFNEGet SetNX "+
			"SetRange SetXX StrLen", key(1)),
		redis("StringCmdable", "MGet", keys(1)),
		redis("StringCmdable", "MSet MSetNX", pairs(1)),
		redis("StringCmdable", "MSetEX", pairs(2)),
		redis("StringCmdable", "LCS", field(1, "Key1"), field(1, "Key2")),
		redis("BitMapCmdable", "BitCount BitField BitFieldRO BitPos BitPosSpan GetBit SetBit", key(1)),
		redis("BitMapCmdable", "BitOpAnd BitOpAndOr BitOpDiff BitOpDiff1 BitOpOne BitOpOr BitOpXor", key(1), keys(2)),
		redis("BitMapCmdable", "BitOpNot", key(1), key(2)),
		// Hashes, lists, sets, sorted sets, HyperLogLog, geo.
		redis("HashCmdable", "HDel HExists HExpire HExpireAt HExpireAtWithArgs HExpireTime HExpireWithArgs "+
			"HGet HGetAll HGetDel HGetEX HGetEXWithArgs HImportSet HIncrBy HIncrByFloat HKeys HLen HMGet "+
			"HMSet HPExpire HPExpireAt HPExpireAtWithArgs HPExpireTime HPExpireWithArgs HPTTL HPersist "+
			"HRandField HRandFieldWithValues HScan HScanNoValues HSet HSetEX HSetEXWithArgs HSetNX "+
			"HStrLen HTTL HVals", key(1)),
		redis("ListCmdable", "LIndex LInsert LInsertAfter LInsertBefore LLen LPop LPopCount LPos LPosCount "+
			"LPush LPushX LRange LRem LSet LTrim RPop RPopCount RPush RPushX", key(1)),
		redis("ListCmdable", "BLMove BLMoveM BRPopLPush LMove LMoveM RPopLPush", key(1), key(2)),
		redis("ListCmdable", "BLPop BRPop", keys(2)),
		redis("ListCmdable", "LMPop", keys(3)),
		redis("ListCmdable", "BLMPop", keys(4)),
		redis("SetCmdable", "SAdd SCard SIsMember SMIsMember SMembers SMembersMap SPop SPopN SRandMember "+
			"SRandMemberN SRem SScan", key(1)),
		redis("SetCmdable", "SDiff SInter SUnion", keys(1)),
		redis("SetCmdable", "SDiffCard SInterCard SUnionCard", keys(2)),
		redis("SetCmdable", "SDiffStore SInterStore SUnionStore", key(1), keys(2)),
		redis("SetCmdable", "SMove", key(1), key(2)),
		redis("SortedSetCmdable", "ZAdd ZAddArgs ZAddArgsIncr ZAddGT ZAddLT ZAddNX ZAddXX ZCard ZCount "+
			"ZIncrBy ZLexCount ZMScore ZPopMax ZPopMin ZRandMember ZRandMemberWithScores ZRange "+
			"ZRangeByLex ZRangeByScore ZRangeByScoreWithScores ZRangeWithScores ZRank ZRankWithScore "+
			"ZRem ZRemRangeByLex ZRemRangeByRank ZRemRangeByScore ZRevRange ZRevRangeByLex "+
			"ZRevRangeByScore ZRevRangeByScoreWithScores ZRevRangeWithScores ZRevRank ZRevRankWithScore "+
			"ZScan ZScore", key(1)),
		redis("SortedSetCmdable", "ZDiff ZDiffWithScores", keys(1)),
		redis("SortedSetCmdable", "ZDiffStore", key(1), keys(2)),
		redis("SortedSetCmdable", "BZPopMax BZPopMin ZInterCard", keys(2)),
		redis("SortedSetCmdable", "ZMPop", keys(3)),
		redis("SortedSetCmdable", "BZMPop", keys(4)),
		redis("SortedSetCmdable", "ZInter ZInterWithScores ZUnion ZUnionWithScores", field(1, "Keys")),
		redis("SortedSetCmdable", "ZInterStore ZUnionStore", key(1), field(2, "Keys")),
		redis("SortedSetCmdable", "ZRangeArgs ZRangeArgsWithScores", field(1, "Key")),
		redis("SortedSetCmdable", "ZRangeStore", key(1), field(2, "Key")),
		redis("HyperLogLogCmdable", "PFAdd", key(1)),
		redis("HyperLogLogCmdable", "PFCount", keys(1)),
		redis("HyperLogLogCmdable", "PFMerge", key(1), keys(2)),
		redis("GeoCmdable", "GeoAdd GeoDist GeoHash GeoPos GeoRadius GeoRadiusByMember GeoSearch GeoSearchLocation", key(1)),
		redis("GeoCmdable", "GeoRadiusStore", key(1), field(4, "Store"), field(4, "StoreDist")),
		redis("GeoCmdable", "GeoRadiusByMemberStore", key(1), field(3, "Store"), field(3, "StoreDist")),
		redis("GeoCmdable", "GeoSearchStore", key(1), key(2)),
		// Streams. XREAD's Streams are the keys followed by as many ids; the ids are constants
		// ("0", ">", "$") or ids read before, which stay quiet.
		redis("StreamCmdable", "XAck XAckDel XDel XDelEx XGroupCreate XGroupCreateConsumer "+
			"XGroupCreateMkStream XGroupDelConsumer XGroupDestroy XGroupSetID XInfoConsumers XInfoGroups "+
			"XInfoStream XInfoStreamFull XLen XPending XRange XRangeN XRevRange XRevRangeN XTrimMaxLen "+
			"XTrimMaxLenApprox XTrimMaxLenApproxMode XTrimMaxLenMode XTrimMinID XTrimMinIDApprox "+
			"XTrimMinIDApproxMode XTrimMinIDMode", key(1)),
		redis("StreamCmdable", "XAdd XAutoClaim XAutoClaimJustID XAutoClaimWithDeleted XCfgSet XClaim "+
			"XClaimJustID XNack XPendingExt", field(1, "Stream")),
		redis("StreamCmdable", "XRead XReadGroup", field(1, "Streams")),
		redis("StreamCmdable", "XReadStreams", keys(1)),
		// Scripts and functions: the keys are a []string.
		redis("ScriptingFunctionsCmdable", "Eval EvalRO EvalSha EvalShaRO FCall FCallRO FCallRo", keys(2)),
		{recv: recvs(goRedis, "Scripter"), methods: "Eval EvalRO EvalSha EvalShaRO", at: []KeySink{keys(2)}},
		{recv: recvs(goRedis, "Script"), methods: "Eval EvalRO EvalSha EvalShaRO Run RunRO", at: []KeySink{keys(2)}},
		// RedisJSON.
		redis("JSONCmdable", "JSONArrAppend JSONArrIndex JSONArrIndexWithArgs JSONArrInsert JSONArrLen "+
			"JSONArrPop JSONArrTrim JSONArrTrimWithArgs JSONClear JSONDebugMemory JSONDel JSONForget "+
			"JSONGet JSONGetWithArgs JSONMerge JSONNumIncrBy JSONObjKeys JSONObjLen JSONSet JSONSetMode "+
			"JSONSetWithArgs JSONStrAppend JSONStrLen JSONToggle JSONType", key(1)),
		redis("JSONCmdable", "JSONMGet", keys(2)),
		redis("JSONCmdable", "JSONMSet", triplets(1)),
		// WATCH: the Watch of the clients runs fn in a transaction watching keys.
		{recv: recvs(goRedis, "Client", "ClusterClient", "Ring", "UniversalClient"), methods: "Watch", at: []KeySink{keys(2)}},
		{recv: recvs(goRedis, "Tx"), methods: "Watch Unwatch", at: []KeySink{keys(1)}},
		// KEYS and SCAN take a pattern: one without the tenant lists every tenant's keys.
		{recv: recvs(goRedis, "cmdable", "GenericCmdable"), methods: "Keys", at: []KeySink{key(1)}, what: "cache key pattern"},
		{recv: recvs(goRedis, "cmdable", "GenericCmdable"), methods: "Scan ScanType", at: []KeySink{key(2)}, what: "cache key pattern"},

		// rueidis: its package-level helpers.
		{pkg: rueidis, methods: "MGet MDel JsonMGet", at: []KeySink{keys(2)}},
		{pkg: rueidis, methods: "MGetCache JsonMGetCache", at: []KeySink{keys(3)}},
		{recv: recvs(rueidisCmds, "Arbitrary"), methods: "Keys", at: []KeySink{keys(0)}},

		// gomemcache.
		{recv: recvs(memcache, "Client"), methods: "Get GetAndTouch Delete Touch Increment Decrement", at: []KeySink{key(0)}},
		{recv: recvs(memcache, "Client"), methods: "GetMulti", at: []KeySink{keys(0)}},
		{recv: recvs(memcache, "Client"), methods: "Set Add Replace CompareAndSwap Append Prepend", at: []KeySink{field(0, "Key")}},

		// ristretto v1 and v2 (generic keys since v1.0.0; v0's interface{} keys are the same
		// methods of the same type).
		{recv: recvs("github.com/dgraph-io/ristretto", "Cache"), methods: "Get GetTTL Set SetWithTTL Del", at: []KeySink{key(0)}},
		{recv: recvs("github.com/dgraph-io/ristretto/v2", "Cache"), methods: "Get GetTTL Set SetWithTTL Del", at: []KeySink{key(0)}},

		// go-cache: the methods are the unexported cache's, which Cache embeds.
		{recv: recvs("github.com/patrickmn/go-cache", "cache"), methods: "Add Set SetDefault Replace Get GetWithExpiration Delete " +
			"Increment IncrementFloat IncrementFloat32 IncrementFloat64 IncrementInt IncrementInt8 IncrementInt16 IncrementInt32 " +
			"IncrementInt64 IncrementUint IncrementUint8 IncrementUint16 IncrementUint32 IncrementUint64 IncrementUintptr " +
			"Decrement DecrementFloat DecrementFloat32 DecrementFloat64 DecrementInt DecrementInt8 DecrementInt16 DecrementInt32 " +
			"DecrementInt64 DecrementUint DecrementUint8 DecrementUint16 DecrementUint32 DecrementUint64 DecrementUintptr", at: []KeySink{key(0)}},

		// gocache v4: the caches and their interfaces (SetterCacheInterface's Get, Set and Delete
		// are CacheInterface's), and the store interface.
		{recv: recvs(gocache+"/cache", "Cache", "LoadableCache", "ChainCache", "MetricCache", "CacheInterface"),
			methods: "Get Set Delete", at: []KeySink{key(1)}},
		{recv: recvs(gocache+"/cache", "Cache", "SetterCacheInterface"), methods: "GetWithTTL", at: []KeySink{key(1)}},
		{recv: recvs(gocache+"/cache", "Cache"), methods: "SetIfNotExists", at: []KeySink{key(1)}},
		{recv: recvs(gocache+"/store", "StoreInterface"), methods: "Get GetWithTTL Set Delete", at: []KeySink{key(1)}},

		// singleflight: callers with the same key share one call and its result.
		{recv: recvs("golang.org/x/sync/singleflight", "Group"), methods: "Do DoChan Forget", at: []KeySink{key(0)}},

		// groupcache.
		{recv: recvs("github.com/golang/groupcache", "Group"), methods: "Get", at: []KeySink{key(1)}},
	}

	// rueidis builders: client.B().Get().Key(k), .Del().Key(k1, k2), .Mset().KeyValue().KeyValue(k, v),
	// .Rename().Key(k).Newkey(nk). A step that takes keys can be repeated (DelKey.Key).
	t = append(t, builders("Key", "Append Bitcount Bitfield BitfieldRo Bitpos Decr Decrby Delex Delifeq "+
		"Digest Dump Expire Expireat Expiretime Geoadd Geodist Geohash Geopos Georadius GeoradiusRo "+
		"Georadiusbymember GeoradiusbymemberRo Geosearch Get Getbit Getdel Getex Getrange Getset Hdel "+
		"Hexists Hexpire Hexpireat Hexpiretime Hget Hgetall Hgetdel Hgetex Hincrby Hincrbyfloat Hkeys "+
		"Hlen Hmget Hmset Hpersist Hpexpire Hpexpireat Hpexpiretime Hpttl Hrandfield Hscan Hset Hsetex "+
		"Hsetnx Hstrlen Httl Hvals Incr Incrby Incrbyfloat Increx JsonArrappend JsonArrindex "+
		"JsonArrinsert JsonArrlen JsonArrpop JsonArrtrim JsonClear JsonDebugMemory JsonDel JsonForget "+
		"JsonGet JsonMerge JsonMset JsonMsetTripletValue JsonNumincrby JsonNummultby JsonObjkeys "+
		"JsonObjlen JsonResp JsonSet JsonStrappend JsonStrlen JsonToggle JsonType Lindex Linsert Llen "+
		"Lpop Lpos Lpush Lpushx Lrange Lrem Lset Ltrim MigratePort Move ObjectEncoding ObjectFreq "+
		"ObjectIdletime ObjectRefcount Persist Pexpire Pexpireat Pexpiretime Pfadd Psetex Pttl Rename "+
		"Renamenx Restore Rpop Rpush Rpushx Sadd Scard Set Setbit Setex Setnx Setrange Sismember "+
		"Smembers Smismember Sort SortRo Spop Srandmember Srem Sscan Strlen Ttl Type Xack Xackdel Xadd "+
		"Xautoclaim Xcfgset Xclaim Xdel Xdelex XgroupCreate XgroupCreateconsumer XgroupDelconsumer "+
		"XgroupDestroy XgroupSetid XinfoConsumers XinfoGroups XinfoStream Xlen Xnack Xpending Xrange "+
		"Xrevrange Xsetid Xtrim Zadd Zcard Zcount Zincrby Zlexcount Zmscore Zpopmax Zpopmin Zrandmember "+
		"Zrange Zrangebylex Zrangebyscore Zrank Zrem Zremrangebylex Zremrangebyrank Zremrangebyscore "+
		"Zrevrange Zrevrangebylex Zrevrangebyscore Zrevrank Zscan Zscore", key(0))...)
	t = append(t, builders("Key", "BitopDestkey BitopKey BlmpopKey BlmpopNumkeys Blpop BlpopKey Brpop "+
		"BrpopKey BzmpopKey BzmpopNumkeys Bzpopmax BzpopmaxKey Bzpopmin BzpopminKey Del DelKey EvalKey "+
		"EvalNumkeys EvalRoKey EvalRoNumkeys EvalshaKey EvalshaNumkeys EvalshaRoKey EvalshaRoNumkeys Exists "+
		"ExistsKey FcallKey FcallNumkeys FcallRoKey FcallRoNumkeys JsonMget JsonMgetKey LmpopKey "+
		"LmpopNumkeys Mget MgetKey Pfcount PfcountKey Sdiff SdiffKey SdiffstoreDestination SdiffstoreKey "+
		"Sinter SinterKey SintercardKey SintercardNumkeys SinterstoreDestination SinterstoreKey Sunion "+
		"SunionKey SunionstoreDestination SunionstoreKey Touch TouchKey Unlink UnlinkKey Watch WatchKey "+
		"XreadKey XreadStreams XreadgroupKey XreadgroupStreams ZdiffKey ZdiffNumkeys ZdiffstoreKey "+
		"ZdiffstoreNumkeys ZinterKey ZinterNumkeys ZintercardKey ZintercardNumkeys ZinterstoreKey "+
		"ZinterstoreNumkeys ZmpopKey ZmpopNumkeys ZunionKey ZunionNumkeys ZunionstoreKey ZunionstoreNumkeys", keys(0))...)
	t = append(t, builders("KeyValue", "MsetKeyValue MsetexKeyValue MsetnxKeyValue", key(0))...)
	t = append(t, builders("Keys", "MigrateAuthAuth MigrateAuthAuth2 MigrateCopy MigrateKeys MigrateReplace MigrateTimeout", keys(0))...)
	t = append(t, builders("Newkey", "RenameKey RenamenxKey", key(0))...)
	t = append(t, builders("Source", "Blmove Brpoplpush Copy GeosearchstoreDestination Lmove Rpoplpush Smove", key(0))...)
	t = append(t, builders("Destination", "BlmoveSource BrpoplpushSource CopySource Geosearchstore LmoveSource "+
		"RpoplpushSource Sdiffstore Sinterstore SmoveSource Sunionstore Zdiffstore Zinterstore Zunionstore", key(0))...)
	t = append(t, builders("Destkey", "BitopOperationAnd BitopOperationAndor BitopOperationDiff "+
		"BitopOperationDiff1 BitopOperationNot BitopOperationOne BitopOperationOr BitopOperationXor Pfmerge", key(0))...)
	t = append(t, builders("Sourcekey", "PfmergeDestkey PfmergeSourcekey", keys(0))...)
	t = append(t, builders("Dst", "Zrangestore", key(0))...)
	t = append(t, builders("Src", "ZrangestoreDst", key(0))...)
	georadius := "GeoradiusCountAny GeoradiusCountCount GeoradiusOrderAsc GeoradiusOrderDesc GeoradiusUnitFt " +
		"GeoradiusUnitKm GeoradiusUnitM GeoradiusUnitMi GeoradiusWithcoord GeoradiusWithdist GeoradiusWithhash " +
		"GeoradiusbymemberCountAny GeoradiusbymemberCountCount GeoradiusbymemberOrderAsc GeoradiusbymemberOrderDesc " +
		"GeoradiusbymemberUnitFt GeoradiusbymemberUnitKm GeoradiusbymemberUnitM GeoradiusbymemberUnitMi " +
		"GeoradiusbymemberWithcoord GeoradiusbymemberWithdist GeoradiusbymemberWithhash"
	t = append(t, builders("Store", georadius+" SortBy SortGet SortKey SortLimit SortOrderAsc SortOrderDesc SortSortingAlpha", key(0))...)
	t = append(t, builders("Storedist", georadius, key(0))...)
	return t
}

func buildCacheSinks() []KeySink {
	var sinks []KeySink
	for _, c := range cacheTable() {
		what := c.what
		if what == "" {
			what = "cache key"
		}
		var names []string
		for _, m := range strings.Fields(c.methods) {
			if c.pkg != "" {
				names = append(names, c.pkg+"."+m)
			}
			for _, r := range c.recv {
				names = append(names, "("+r+")."+m)
			}
		}
		for _, name := range names {
			for _, at := range c.at {
				at.Func, at.Family, at.What = name, FamilyCache, what
				sinks = append(sinks, at)
			}
		}
	}
	return sinks
}

// RegistryMethod is a method of a concurrent map of the standard library that takes a key: an
// in-process registry held in one is keyed like a map (see passes/cachekey/cacherules).
type RegistryMethod struct {
	Func string
	// Key is the key argument, receiver excluded.
	Key int
	// Stores: the method adds an entry (what makes a map a registry filled at run time).
	Stores bool
}

// RegistryMethods are sync.Map's keyed methods.
var RegistryMethods = []RegistryMethod{
	{Func: "(sync.Map).Load"},
	{Func: "(sync.Map).Store", Stores: true},
	{Func: "(sync.Map).LoadOrStore", Stores: true},
	{Func: "(sync.Map).LoadAndDelete"},
	{Func: "(sync.Map).Delete"},
	{Func: "(sync.Map).Swap", Stores: true},
	{Func: "(sync.Map).CompareAndSwap", Stores: true},
	{Func: "(sync.Map).CompareAndDelete"},
}
