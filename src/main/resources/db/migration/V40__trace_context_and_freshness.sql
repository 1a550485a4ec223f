-- Tracing and freshness (issue 12).

-- The W3C traceparent of the collection event's trace (its intake span), kept with the request so that retries,
-- reconciliation and every event the request causes continue that one trace.
alter table task_request add column traceparent varchar(128);

-- Each outbox row carries the trace context of what caused it (the request's trace, or the sync cycle's) and the
-- instant its story began: when the collection event was consumed (request events) or when incs logged the change
-- (task changes). The relay publishes the first as the record's traceparent and measures freshness from the second.
alter table outbox_event add column traceparent varchar(128);
alter table outbox_event add column origin_at timestamptz;
