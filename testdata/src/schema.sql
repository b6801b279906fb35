-- The fixtures' database: tenant tables have a tenant_id (or org_id) column.
CREATE TABLE devices (
    id         bigserial PRIMARY KEY,
    tenant_id  text NOT NULL,
    name       text NOT NULL,
    owner_id   bigint
);
CREATE TABLE sessions (id text PRIMARY KEY, tenant_id text NOT NULL, device_id bigint);
CREATE TABLE teams (id bigint PRIMARY KEY, org_id text NOT NULL, name text);
CREATE TABLE plans (id bigint PRIMARY KEY, tenant_id text, name text);
CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- Workspaces are tenants (devices.tenant_id holds a workspace id) that belong to an org.
CREATE TABLE workspaces (id text PRIMARY KEY, org_id text NOT NULL, name text);
