-- Ingest: ordering, retry bookkeeping and the lookups of the retry scheduler.

-- Arrival order of requests (Kafka order within a case); ordering by time could tie or skew across replicas.
alter table task_request add column ingest_seq bigserial;
-- Consecutive transient failures, for the exponential backoff.
alter table task_request add column failures integer not null default 0;
-- Start of the earliest POST attempt whose outcome is unknown (timeout, reset, 5xx): until the request is
-- resolved, every retry first looks up whether that attempt created the task after all.
alter table task_request add column ambiguous_since timestamptz;
-- A deferred request that waits for a task of ours on its phone to end (it blocked the request, or the request
-- queues behind an earlier one for the phone): it may go as soon as the phone has no open task of ours.
alter table task_request add column awaits_own_task boolean not null default false;

create index task_request_case_open_idx on task_request (case_id, ingest_seq)
    where state in ('received', 'submitting');
create index task_request_phone_open_idx on task_request (user_phone, ingest_seq)
    where state in ('received', 'submitting', 'deferred');
create index task_request_due_open_idx on task_request (next_attempt_at)
    where state in ('received', 'submitting', 'deferred');
