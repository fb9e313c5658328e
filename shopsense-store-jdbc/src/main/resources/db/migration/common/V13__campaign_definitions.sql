-- Campaign definitions (see V1 for the conventions): the message templates that send steps and broadcasts name,
-- and the broadcasts (one-off campaigns) with where their run stands.

-- The latest version of each template, replaced whole on save; saved_at is when that version was saved.
create table message_templates (
  template_id varchar(200) primary key,
  category    varchar(20) not null,
  locale      varchar(10) not null,
  subject     text not null,
  html_body   text not null,
  text_body   text not null,
  saved_at    timestamp(6) with time zone not null
);

-- One row per broadcast. The send spec is kept as columns (topic null when the message has none); the send date
-- and local time are in each person's zone (fallback_zone when it is unknown). A run moves status on with one
-- conditional update (where status = the status it read), so two nodes never both start it.
create table broadcasts (
  broadcast_id     varchar(100) primary key,
  name             varchar(1000) not null,
  segment_id       varchar(100) not null,
  channel          varchar(20) not null,
  template_id      varchar(200) not null,
  content_category varchar(20) not null,
  topic            varchar(200),
  priority         integer not null,
  send_date        date not null,
  send_time        time(6) not null,
  fallback_zone    varchar(100) not null,
  status           varchar(16) not null,
  run_at           timestamp(6) with time zone not null,
  audience_count   bigint not null,
  queued_count     bigint not null,
  suppressed_count bigint not null,
  held_count       bigint not null,
  created_at       timestamp(6) with time zone not null,
  updated_at       timestamp(6) with time zone not null
);
-- the scheduler's query: scheduled broadcasts by run time
create index broadcasts_due on broadcasts (status, run_at);
-- the console's list, newest first
create index broadcasts_by_created on broadcasts (created_at, broadcast_id);
