CREATE TABLE devices (id int, tenant_id text);
