CREATE TABLE devices (id bigint PRIMARY KEY, tenant_id uuid NOT NULL, name text);
