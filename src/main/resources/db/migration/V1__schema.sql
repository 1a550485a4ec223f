-- Schema owned by Flyway; Hibernate never generates or alters it.

-- One row per consumed collection event (idempotency key: event_id).
create table task_request (
    event_id          varchar(128) primary key,
    case_id           varchar(128) not null,
    event_type        varchar(128) not null,
    user_phone        varchar(32),
    assignee          varchar(128),
    state             varchar(16)  not null,
    request_body      text,
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz,
    submitted_at      timestamptz,
    deferred_since    timestamptz,
    blocking_task_id  bigint,
    task_id           bigint,
    last_error        text,
    received_at       timestamptz  not null,
    updated_at        timestamptz  not null,
    version           integer      not null default 0,
    constraint task_request_state_check
        check (state in ('received', 'submitting', 'created', 'deferred', 'rejected', 'failed'))
);
create index task_request_case_idx on task_request (case_id, received_at);
create index task_request_phone_idx on task_request (user_phone, state, received_at);
create index task_request_due_idx on task_request (state, next_attempt_at);

-- One row per incs task this service created (incs task id).
create table incs_task (
    task_id           bigint       primary key,
    event_id          varchar(128) not null unique references task_request (event_id),
    case_id           varchar(128) not null,
    creation_id       bigint,
    conversation_id   varchar(64),
    auth_id           bigint,
    user_phone        varchar(32)  not null,
    name              varchar(1024),
    assignee          varchar(128),
    status            smallint     not null,
    tracking          boolean      not null default true,
    missing_cycles    integer      not null default 0,
    incs_created_at   timestamptz,
    incs_updated_at   timestamptz,
    last_seen_at      timestamptz,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           integer      not null default 0
);
create index incs_task_case_idx on incs_task (case_id);
create index incs_task_phone_idx on incs_task (user_phone, status);
create index incs_task_status_idx on incs_task (status);
create index incs_task_assignee_idx on incs_task (assignee, status);
create index incs_task_tracking_idx on incs_task (task_id) where tracking;

-- Every incs log seen for our tasks (incs log id): a log is turned into an event at most once.
create table incs_task_log (
    log_id            bigint       primary key,
    task_id           bigint       not null references incs_task (task_id),
    type              smallint     not null,
    status            smallint,
    pre_status        smallint,
    assignee          varchar(128),
    comment           text,
    logged_at         timestamptz,
    recorded_at       timestamptz  not null
);
create index incs_task_log_task_idx on incs_task_log (task_id, log_id);

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka in id order.
create table outbox_event (
    id                bigserial    primary key,
    ce_id             varchar(64)  not null unique,
    ce_type           varchar(64)  not null,
    ce_subject        varchar(64),
    ce_time           timestamptz  not null,
    record_key        varchar(128) not null,
    payload           text         not null,
    created_at        timestamptz  not null,
    published_at      timestamptz,
    attempts          integer      not null default 0
);
create index outbox_event_pending_idx on outbox_event (id) where published_at is null;
create index outbox_event_published_idx on outbox_event (published_at) where published_at is not null;

-- Leases for work that exactly one replica may do at a time (sync, outbox relay).
create table leader_lease (
    name              varchar(64)  primary key,
    holder            varchar(128) not null,
    expires_at        timestamptz  not null
);

-- Shared incs call budget across replicas: each call reserves the next free slot.
create table rate_budget (
    name              varchar(64)  primary key,
    next_slot_at      timestamptz  not null
);
insert into rate_budget (name, next_slot_at) values ('incs', now());
