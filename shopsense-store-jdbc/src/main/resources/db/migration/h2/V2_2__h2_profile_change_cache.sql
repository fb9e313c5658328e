-- H2 only: the profile change feed's identity takes its values in blocks of 1,000, like the identity tables in
-- V1_2 (H2 otherwise commits the sequence every 32 rows); not on PostgreSQL, for the reason given there.
alter table profile_changes alter column seq set cache 1000;
