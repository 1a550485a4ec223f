-- Claim fencing (RequestLifecycle): a request is worked on by whoever holds its claim. Every claim increments
-- claim_token; an attempt writes its outcome only while the token is still the one it claimed with, and writes its
-- request to incs only before claim_until (less a margin), so two workers never send one request.
alter table task_request add column claim_token bigint not null default 0;
alter table task_request add column claim_owner varchar(128);
alter table task_request add column claim_until timestamptz;
create index task_request_phone_deferred_idx on task_request (user_phone, ingest_seq) where state = 'deferred';
create index incs_task_phone_open_idx on incs_task (user_phone) where status in (0, 1);
