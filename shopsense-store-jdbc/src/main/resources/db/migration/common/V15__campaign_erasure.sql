-- Erasure of a person's campaign data (see V1 for the conventions). V14 is the delivery tracking migration.

-- The unique codes of erased grants. Deleting a grant frees its code in coupon_grants' unique index, so the code is
-- kept here, without the person, and a grant never hands it out again (a code once given is in the wild: whoever
-- presents it later must not be taken for its new holder).
create table coupon_retired_codes (
  code varchar(100) primary key
);

-- An erasure finds a person's rows without knowing the pools, offers or journeys they are in.
create index coupon_grants_erasure on coupon_grants (person_id);
create index coupon_person_grants_erasure on coupon_person_grants (person_id);
create index offer_allocations_erasure on offer_allocations (person_id);
