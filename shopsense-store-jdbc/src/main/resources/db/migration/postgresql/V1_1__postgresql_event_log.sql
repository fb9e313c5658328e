-- PostgreSQL only. Versions here sit between the common ones (1.1, 1.2, ... after V1).

-- Product ids are paged by value: compare them byte-wise, whatever the database's collation, so that the
-- order is the same as on H2 (and as Java's String order for ASCII ids).
alter table products alter column product_id type varchar(200) collate "C";

-- The event log (on H2 the embedded log is SegmentEventLog, another module). Every append transaction takes
-- a transaction-scoped advisory lock (one per schema) before it numbers its events max(seq)+1, ... and holds
-- it until commit, so seq order is commit order and numbers have no gaps (PostgresEventLog).
create table events (
  seq          bigint primary key,
  message_id   text not null unique,
  type         varchar(16) not null,
  name         text not null,
  anonymous_id text,
  user_id      text,
  previous_id  text,
  ts           timestamp(6) with time zone not null,
  received_at  timestamp(6) with time zone not null,
  source       text not null,
  -- the canonical JSON, byte for byte as appended
  json         bytea not null
);
-- readByIdentity: each identity column with seq, so a page is an index range per identifier
create index events_by_anonymous_id on events (anonymous_id, seq) where anonymous_id is not null;
create index events_by_user_id on events (user_id, seq) where user_id is not null;
create index events_by_previous_id on events (previous_id, seq) where previous_id is not null;
