-- The audit log and the usage log, for both backends (conventions as in V1: portable DDL, instants as
-- timestamp(6) with time zone in UTC).

-- The hash-chained audit log. seq is assigned by the appender (previous + 1, no gaps), never by an identity column,
-- so that a deleted row shows as a gap. No personal data: actors and targets are key ids, user names, random ids.
create table audit_log (
  seq           bigint primary key,
  recorded_at   timestamp(6) with time zone not null,
  actor         varchar(300) not null,
  action        varchar(300) not null,
  target        varchar(300),
  outcome       varchar(300) not null,
  previous_hash char(64) not null,
  entry_hash    char(64) not null
);
-- the officer's filters: by actor, by action, by time
create index audit_log_by_actor on audit_log (actor, seq);
create index audit_log_by_action on audit_log (action, seq);
create index audit_log_by_time on audit_log (recorded_at);

-- The chain's head: one row, locked by every append (select ... for update), which serialises appends across
-- threads and processes so that the chain never forks; also a first check against a truncated tail.
create table audit_head (
  id        smallint primary key,
  head_seq  bigint not null,
  head_hash char(64) not null
);
insert into audit_head (id, head_seq, head_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- What each person's data was used for, counted per UTC day, purpose and kind.
create table usage_log (
  person_id  varchar(200) not null,
  usage_day  date not null,
  purpose    varchar(40) not null,
  kind       varchar(40) not null,
  uses       bigint not null,
  primary key (person_id, usage_day, purpose, kind)
);
