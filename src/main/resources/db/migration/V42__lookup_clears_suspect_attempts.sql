-- A lookup that found no task of a request's suspect attempts clears them for the next POST (RequestRow#needsReconciliation):
-- without it every later attempt looked up first, and under a tight rate budget the lookups took every slot.
-- ambiguous_since stays as the start of any later search.
alter table task_request add column cleared_by_lookup boolean not null default false;
