CREATE TABLE devices (id bigint PRIMARY KEY, tenant_id text NOT NULL, name text);
