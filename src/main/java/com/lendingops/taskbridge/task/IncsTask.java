package com.lendingops.taskbridge.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** Cached state of an incs task this service created; {@code tracking} is false once it ended. */
@Entity
@Table(name = "incs_task")
public class IncsTask extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(name = "creation_id")
    public Long creationId;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(name = "auth_id")
    public Long authId;

    @Column(name = "user_phone", nullable = false)
    public String userPhone;

    public String name;

    public String assignee;

    /** incs status: see {@link TaskStatus}. */
    @Column(nullable = false)
    public short status;

    /** True while the sync still polls this task (status 0 or 1, or final logs not yet recorded). */
    public boolean tracking;

    @Column(name = "missing_cycles")
    public int missingCycles;

    @Column(name = "incs_created_at")
    public OffsetDateTime incsCreatedAt;

    @Column(name = "incs_updated_at")
    public OffsetDateTime incsUpdatedAt;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
