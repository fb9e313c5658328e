-- Data-subject requests and the erasure register, for both backends (conventions as in V1).

-- Each access, rectification or erasure request, tracked until answered. After an erasure the subject is replaced
-- by 'erased' and the report holds counts and places only: no personal data stays here.
create table privacy_requests (
  request_id   varchar(64) primary key,
  request_type varchar(32) not null,
  subject      varchar(1200) not null,
  person_id    varchar(200),
  status       varchar(32) not null,
  reason       text,
  received_at  timestamp(6) with time zone not null,
  deadline     timestamp(6) with time zone not null,
  completed_at timestamp(6) with time zone,
  -- the completion report: a JSON array of {step, where, count, outcome, detail}
  report       text not null
);
-- lists by status and the overdue list, in receipt order
create index privacy_requests_by_status on privacy_requests (status, received_at, request_id);
create index privacy_requests_by_received on privacy_requests (received_at, request_id);

-- Erased persons: the random person id and when, read by model trainers to leave them out of the next training.
create table erased_persons (
  person_id varchar(200) primary key,
  erased_at timestamp(6) with time zone not null
);
create index erased_persons_by_time on erased_persons (erased_at, person_id);
