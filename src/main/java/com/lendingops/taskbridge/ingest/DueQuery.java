package com.lendingops.taskbridge.ingest;

/**
 * The SQL form of {@link RequestLifecycle#isDue}: the same conditions over the same columns, so the scheduler finds
 * in one query what the lifecycle would call due. {@code DueRuleAgreementTest} runs {@link #SELECT_DUE} on random rows
 * and checks it against the lifecycle; change both together.
 * <p>
 * Parameters: {@code $1} now, {@code $2} now less the settle time (an in-flight attempt's expired claim is taken over
 * only after it), as computed from the injected clock, not the database's.
 */
final class DueQuery {

    /** Conditions on a row {@code r}; PostgreSQL re-checks the row-local ones on the locked row version. */
    static final String DUE = """
            r.state in ('received', 'submitting', 'deferred')
            and (r.claim_until is null
                 or (r.state = 'submitting' and r.claim_until <= $2)
                 or (r.state <> 'submitting' and r.claim_until <= $1))
            and (
                (r.state in ('received', 'submitting')
                 and coalesce(r.next_attempt_at, $1) <= $1
                 and not exists (select 1 from task_request o
                                 where o.case_id = r.case_id and o.state in ('received', 'submitting')
                                   and o.ingest_seq < r.ingest_seq))
                or
                (r.state = 'deferred'
                 and not exists (select 1 from task_request o
                                 where o.user_phone = r.user_phone and o.event_id <> r.event_id
                                   and (o.state in ('received', 'submitting')
                                        or (o.state = 'deferred' and o.ingest_seq < r.ingest_seq)))
                 and (coalesce(r.next_attempt_at, $1) <= $1
                      or (r.awaits_own_task
                          and not exists (select 1 from incs_task t
                                          where t.user_phone = r.user_phone and t.status in (0, 1) and t.tracking))))
            )""";

    /** Due event ids, without claiming (the agreement test, operations). */
    static final String SELECT_DUE = "select r.event_id from task_request r where " + DUE;

    /**
     * Claims up to {@code $3} due requests for owner {@code $4} until {@code $5}: the token goes up by one, which
     * fences off any earlier claimant. {@code for update skip locked}: replicas never claim the same row, and a row
     * changed since the snapshot is re-checked in its latest version.
     */
    static final String CLAIM = """
            with picked as (
                select r.event_id from task_request r
                where %s
                order by r.ingest_seq limit $3
                for update of r skip locked
            )
            update task_request u set claim_token = u.claim_token + 1, claim_owner = $4, claim_until = $5
            from picked where u.event_id = picked.event_id
            returning %s
            """.formatted(DUE, RequestStore.COLUMNS.replace("\n", " ").replaceAll("(\\w+)", "u.$1")
            .replace("u.u.", "u."));

    private DueQuery() {
    }
}
