-- The consent histories of many subjects at once (a campaign page's persons and their identifiers) look their
-- values up in one list: H2 uses a list only on an index's first column, and (kind, value) pairs in a list made it
-- read the whole ledger. The kind is checked on the rows found.
create index consent_records_by_value on consent_records (subject_value);
