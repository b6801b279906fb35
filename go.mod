module github.com/tenantlint/tenantlint

go 1.26.0

require (
	github.com/golangci/plugin-module-register v0.1.2
	github.com/lib/pq v1.12.3
	github.com/sqlc-dev/marino v0.3.1
	github.com/sqlc-dev/oliphant v0.2.0
	golang.org/x/mod v0.42.0
	golang.org/x/tools v0.52.0
	google.golang.org/protobuf v1.36.12
	gopkg.in/yaml.v3 v3.0.1
)

require (
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.19.0 // indirect
)
