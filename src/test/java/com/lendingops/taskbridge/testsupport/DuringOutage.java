package com.lendingops.taskbridge.testsupport;

/** What a test does while a piece of infrastructure is down (see {@code whileStopped} on the servers). */
@FunctionalInterface
public interface DuringOutage {

    void run() throws Exception;
}
