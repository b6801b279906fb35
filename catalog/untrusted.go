package catalog

// frameworkUntrusted are web and RPC frameworks' request inputs: path parameters, query values,
// headers, metadata. A tenant id read from them is chosen by the caller.
var frameworkUntrusted = []string{}

// untrustedLibraries are the frameworks, whose own code is not analysed.
var untrustedLibraries = []string{}
