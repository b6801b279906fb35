package catalog

// jobSinks are the jobs libraries' key sinks (family "job").
var jobSinks = []KeySink{}

// jobLibraries are the jobs libraries, whose own code is not analysed.
var jobLibraries = []string{}
