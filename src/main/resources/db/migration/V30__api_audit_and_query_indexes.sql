-- Query API and operator console (issue 10): the audit trail of operator actions, and one index per filter of
-- the read API so every list stays an index range scan in keyset order (QueryPlanTest checks the plans).

-- Every operator action: who did what to which target, when, and how it ended.
create table operator_audit (
    id                bigserial    primary key,
    at                timestamptz  not null,
    actor             varchar(256) not null,
    action            varchar(64)  not null,
    target            varchar(256) not null,
    outcome           varchar(32)  not null,
    details           text
);
create index operator_audit_at_idx on operator_audit (at desc, id desc);
create index operator_audit_target_idx on operator_audit (target, at desc, id desc);

-- GET /requests?state=&since= (oldest first) and GET /requests?since= ; case_id uses task_request_case_idx.
create index task_request_state_received_idx on task_request (state, received_at, event_id);
create index task_request_received_idx on task_request (received_at, event_id);

-- GET /tasks: newest first in keyset order (created_at, task_id), alone or with one filter.
create index incs_task_created_idx on incs_task (created_at desc, task_id desc);
create index incs_task_phone_created_idx on incs_task (user_phone, created_at desc, task_id desc);
create index incs_task_status_created_idx on incs_task (status, created_at desc, task_id desc);
create index incs_task_assignee_created_idx on incs_task (assignee, created_at desc, task_id desc);

-- Case timeline: the events published (or pending) for a case, in outbox order.
create index outbox_event_key_idx on outbox_event (record_key, id);
