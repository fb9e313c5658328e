-- H2 only. H2 persists an identity column's sequence with a commit of its own each time its cache of values runs
-- out (32 by default): with WRITE_DELAY=0 that is a file write every 32 rows, a fifth of the identity consumer's
-- time in a profile of an ingest burst. H2's cache is one per database, so values stay in the order rows are
-- inserted; after a crash the sequence continues after the cached block (gaps, never reuse).
-- Not on PostgreSQL: there a cache is per session, and links made on two connections could be numbered out of order.
alter table identifiers alter column link_seq set cache 1000;
alter table quarantine alter column id set cache 1000;
alter table merges alter column merge_seq set cache 1000;
alter table merge_refusals alter column refusal_seq set cache 1000;
