-- Sync and relay, second generation (issue 9).

-- Fencing token: incremented at every new tenure of a lease; recording and "mark published" check it.
alter table leader_lease add column epoch bigint not null default 1;

-- Log-less changes (status or assignee changed without a type-2/3 log) counted per task: each one gets a
-- ce_id of its own (task id + this sequence), stable once its outbox row is written.
alter table incs_task add column change_seq integer not null default 0;
-- When the sync first recorded the task. Until then its first cycle replays every log incs recorded after
-- creation (a task adopted after a lost answer may already have moved on).
alter table incs_task add column synced_at timestamptz;
update incs_task set synced_at = coalesce(last_seen_at, updated_at);
-- A task declared missing is re-checked at a slower cadence instead of being dropped for good.
alter table incs_task add column recheck_at timestamptz;

-- Relay: a row Kafka refuses is retried with a per-key backoff and parked after a number of attempts.
alter table outbox_event add column next_attempt_at timestamptz;
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column last_error text;
create index outbox_event_parked_idx on outbox_event (parked_at) where parked_at is not null;
create index outbox_event_key_pending_idx on outbox_event (record_key, id) where published_at is null;
