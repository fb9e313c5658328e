-- Delivery tracking (issue 6): what the person did with a message, and the order credited to it. See V10.
-- All nullable: null means "not (yet) happened"; each is set once, by a conditional update on "is null", so the
-- first open, click or unsubscribe counts and a replayed order changes nothing. A DELIVERED row's updated_at is its
-- delivery time (no transition leaves DELIVERED), which is why tracking never touches updated_at.
alter table delivery_outbox add column opened_at timestamp(6) with time zone;
alter table delivery_outbox add column clicked_at timestamp(6) with time zone;
alter table delivery_outbox add column unsubscribed_at timestamp(6) with time zone;
alter table delivery_outbox add column converted_at timestamp(6) with time zone;
-- the credited order's id and value
alter table delivery_outbox add column conversion_order varchar(200);
alter table delivery_outbox add column conversion_value numeric(19,4);

-- attribution: the person's last DELIVERED message before the order. It also serves an erasure (person_id first),
-- so V10's index on person_id alone would only cost writes.
create index delivery_outbox_last_delivered on delivery_outbox (person_id, status, updated_at);
drop index delivery_outbox_by_person;
-- an order is credited at most once per person, also when two attributions of it race (nulls are distinct on both
-- backends, so uncredited rows do not collide)
create unique index delivery_outbox_by_order on delivery_outbox (person_id, conversion_order);
