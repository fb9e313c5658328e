-- H2 only, like V1_2: the outbox's and the suppression log's identities take their values in blocks of 10,000 (the
-- number 15.2 puts it after main's V15, so a database already at 15 takes it in order). A broadcast page queues
-- 2,000 messages and suppresses up to as many in one unit of work; with H2's cache of 32, each block of 32 rows
-- committed the sequence on its own (a file write with WRITE_DELAY=0): a sixth of a broadcast's time in a profile.
-- Values stay in insertion order (one cache per database), so the claim's "order by due_at, id" holds; a crash
-- leaves a gap, never a reused value. Not on PostgreSQL, for the reason given in V1_2.
alter table delivery_outbox alter column id set cache 10000;
alter table message_suppressions alter column seq set cache 10000;
