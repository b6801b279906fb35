package catalog

// storageSinks are the storage libraries' key sinks (family "storage").
var storageSinks = []KeySink{}

// storageLibraries are the storage libraries, whose own code is not analysed.
var storageLibraries = []string{}
