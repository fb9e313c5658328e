-- PostgreSQL only (the embedded log keeps erased events as frames of its segment files).
-- One row per event erased from the log (PostgresEventLog.erase): its sequence number and the SHA-256 of its message
-- id, nothing else of it. The digest answers a client's retry of the event with DUPLICATE; the sequence number keeps
-- the numbering above it, so a consumer that has seen it never misses a later event. Retention adds a row with no
-- digest for the highest number it deleted, for the same reason.
create table erased_events (
  seq            bigint primary key,
  message_digest bytea unique
);
