-- Console users and their sessions, for both backends (conventions as in V1: portable DDL, instants as
-- timestamp(6) with time zone in UTC).

-- People who sign in to the console. Only a KDF hash of the password is kept.
create table console_users (
  username            varchar(64) primary key,
  -- role names, comma-separated, sorted
  roles               varchar(200) not null,
  password_hash       varchar(512) not null,
  created_at          timestamp(6) with time zone not null,
  password_changed_at timestamp(6) with time zone not null,
  disabled_at         timestamp(6) with time zone
);

-- Signed-in sessions, by the SHA-256 of their bearer token (the token itself is never stored).
create table console_sessions (
  token_hash      varchar(128) primary key,
  username        varchar(64) not null,
  created_at      timestamp(6) with time zone not null,
  last_seen_at    timestamp(6) with time zone not null,
  idle_expires_at timestamp(6) with time zone not null,
  expires_at      timestamp(6) with time zone not null
);
-- logging a user out everywhere
create index console_sessions_by_user on console_sessions (username);
