package com.lendingops.taskbridge.leader;

/**
 * One tenure of the lease: who held it and under which epoch (the fencing token). The epoch grows every
 * time the lease starts a new tenure, so work started under an older tenure can be refused by the
 * database even when the replica that started it does not yet know it lost the lease (GC pause, a
 * blocked pool, a cycle longer than the TTL).
 */
public record LeaseFence(String name, String holder, long epoch) {

    /**
     * SQL condition true while this fence is the current tenure; parameters {@code (name, holder, epoch)}
     * at the given positions. Callers put it in the statement that commits the fenced work.
     */
    public static String currentCondition(int namePos, int holderPos, int epochPos) {
        return "exists (select 1 from leader_lease where name = $" + namePos + " and holder = $" + holderPos
                + " and epoch = $" + epochPos + ")";
    }
}
