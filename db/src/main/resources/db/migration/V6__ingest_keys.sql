-- Keys for machines that send usage (gateways, collectors): shown once at creation, stored as a SHA-256 hash
-- (they are 256-bit random secrets, so a fast hash is safe and keeps the ingest path cheap), revocable.
create table ingest_key (
    name         text        not null,
    key_hash     text        not null,
    key_prefix   text        not null,
    created_at   timestamptz not null default now(),
    created_by   text        not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint ingest_key_pk primary key (name),
    constraint ingest_key_hash_uk unique (key_hash),
    constraint ingest_key_name_ck check (char_length(name) between 1 and 100)
);
