package com.lendingops.taskbridge.incs;

/**
 * Told about every list request written to incs on behalf of one caller: first attempts, retries and
 * page-base probes alike, so that a caller's call bound is measured on what incs actually received.
 */
@FunctionalInterface
public interface ListCallCounter {

    ListCallCounter NONE = () -> { };

    void count();
}
