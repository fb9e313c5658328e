-- PostgreSQL only. Person and segment ids are paged and listed by value: compare them byte-wise, whatever the
-- database's collation, so that the order is the same as on H2 (and as Java's String order for ASCII ids), as for
-- product ids in V1_1.
alter table profiles alter column person_id type varchar(200) collate "C";
alter table segments alter column segment_id type varchar(100) collate "C";
alter table segment_members alter column segment_id type varchar(100) collate "C";
alter table segment_members alter column person_id type varchar(200) collate "C";
alter table segment_sizes alter column segment_id type varchar(100) collate "C";
