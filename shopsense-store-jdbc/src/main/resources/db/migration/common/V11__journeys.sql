-- Journeys (see V1 for the conventions): saved definition versions (immutable once saved; only the live flag
-- changes) and enrolments, one row per person, journey and entry, updated as the engine advances it.
create table journey_definitions (
  journey_id  varchar(200) not null,
  version     integer not null,
  body        text not null,
  live        boolean not null,
  saved_at    timestamp(6) with time zone not null,
  primary key (journey_id, version)
);

create table journey_enrolments (
  journey_id  varchar(200) not null,
  person_id   varchar(400) not null,
  entry       integer not null,
  version     integer not null,
  step_id     varchar(200),
  status      varchar(16) not null,
  waiting     boolean not null,
  -- set while active, null once ended: the due query reads only active rows through this index
  wake_at     timestamp(6) with time zone,
  entered_at  timestamp(6) with time zone not null,
  updated_at  timestamp(6) with time zone not null,
  end_reason  varchar(1000),
  primary key (journey_id, person_id, entry)
);
create index journey_enrolments_due on journey_enrolments (wake_at);
create index journey_enrolments_person on journey_enrolments (person_id, status);
