package com.lendingops.taskbridge.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** This process's name as a claim owner: the host (pod) name plus a random suffix, so a restart is a new owner. */
@ApplicationScoped
public class ReplicaId {

    private final String id;

    public ReplicaId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "bridge");
        this.id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }
}
