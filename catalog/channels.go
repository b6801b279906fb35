package catalog

// channelSinks are the channels libraries' key sinks (family "channel").
var channelSinks = []KeySink{}

// channelLibraries are the channels libraries, whose own code is not analysed.
var channelLibraries = []string{}
