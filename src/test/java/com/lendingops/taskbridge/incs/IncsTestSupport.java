package com.lendingops.taskbridge.incs;

import static org.awaitility.Awaitility.await;

import com.lendingops.taskbridge.incs.CreateTaskCommand.Order;
import com.lendingops.taskbridge.incs.CreateTaskCommand.TaskModuleInfo;
import com.lendingops.taskbridge.simulator.IncsSimulator;
import com.lendingops.taskbridge.testsupport.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Shared steps of the incs client tests: a clean simulator, an available client, valid commands. */
final class IncsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** The send-by instant of a create call that has no claim to keep: never reached. */
    static final Instant NO_SEND_BY = Instant.MAX;
    private static final AtomicLong PHONES = new AtomicLong(6_281_500_000_000L + System.nanoTime() % 1_000_000);

    private IncsTestSupport() {
    }

    /** Resets the shared simulator (tasks, faults, token, style) and waits until the client trusts incs again. */
    static IncsSimulator cleanSimulatorAndAvailable(IncsClient client) {
        IncsSimulator sim = TestEnvironment.get().incs();
        sim.reset();
        await().atMost(WAIT).until(client::isAvailable);
        // one answered call, so that no count of consecutive failures is inherited from an earlier test
        client.listTasks(TaskQuery.byTaskId(1)).await().atMost(WAIT);
        sim.counters().reset();
        return sim;
    }

    /** A fresh phone number, so that no incomplete-task conflict is inherited. */
    static String newPhone() {
        return String.valueOf(PHONES.incrementAndGet());
    }

    static CreateTaskCommand command(String phone) {
        TaskModuleInfo panel = new TaskModuleInfo("019d3dcd-f5a8-70e7-aff8-c54bde267f38", "20000.00",
                List.of(new Order("WD20260401001", "Zhang San", "13800138000", "", "1500", "2026-04-15",
                        "2026-03-01 10:00:00")));
        return new CreateTaskCommand("Collection CASE-" + phone, "Due reminder", CreateTaskCommand.MESSAGE_TASK, 30058,
                phone, "Contact A", "incs_1", panel);
    }
}
