package com.lendingops.taskbridge.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One incs task log, recorded once by its incs log id so that no log is ever re-emitted. */
@Entity
@Table(name = "incs_task_log")
public class IncsTaskLog extends PanacheEntityBase {

    @Id
    @Column(name = "log_id")
    public Long logId;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    /** 1 created, 2 assigned, 3 status change, 4 remark. */
    @Column(nullable = false)
    public short type;

    public Short status;

    @Column(name = "pre_status")
    public Short preStatus;

    public String assignee;

    public String comment;

    @Column(name = "logged_at")
    public OffsetDateTime loggedAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
