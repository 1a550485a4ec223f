package com.lendingops.taskbridge.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A CloudEvent waiting in PostgreSQL to be relayed to Kafka; {@code id} order is publish order. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ce_id", nullable = false, unique = true)
    public String ceId;

    @Column(name = "ce_type", nullable = false)
    public String ceType;

    @Column(name = "ce_subject")
    public String ceSubject;

    @Column(name = "ce_time", nullable = false)
    public OffsetDateTime ceTime;

    /** Kafka record key: the case id, so that every event of a case lands in one partition, in order. */
    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** The CloudEvent data as JSON. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public int attempts;
}
