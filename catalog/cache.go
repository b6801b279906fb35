package catalog

// cacheSinks are the cache libraries' key sinks (family "cache").
var cacheSinks = []KeySink{}

// cacheLibraries are the cache libraries, whose own code is not analysed.
var cacheLibraries = []string{}
