-- PII retention (issue 12): the request body, phones and names of finished requests are redacted after
-- bridge.retention.period. A finished request is rejected or failed, or created with its task ended at incs and no
-- longer tracked; redacted_at marks what the job has done, so a second run (or a second replica) skips it.
alter table task_request add column redacted_at timestamptz;
-- A redacted task keeps its row (ids, statuses, history) without the customer's phone and the task name.
alter table incs_task alter column user_phone drop not null;

-- The retention job's scan: oldest finished, unredacted requests first.
create index task_request_retention_idx on task_request (updated_at)
    where redacted_at is null and state in ('created', 'rejected', 'failed');
