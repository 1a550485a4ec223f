package com.lendingops.taskbridge.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Consecutive windows during which a gateway in front of incs answers every /external request with a
 * {@link GatewayPage} instead of incs; after the last window incs answers again. Changeable at run time from tests
 * ({@link IncsSimulator#gateway()}), the admin endpoint and the command line; all methods are synchronized.
 */
public final class GatewayWindows {

    /** One window: {@code page} for {@code length}. */
    public record Window(GatewayPage page, Duration length) {

        public Window {
            if (page == null || length == null || length.isNegative()) {
                throw new IllegalArgumentException("a gateway window needs a page and a length of zero or more");
            }
        }
    }

    private record Scheduled(GatewayPage page, long endNanos) {
    }

    private final LongSupplier ticker;
    private final Deque<Scheduled> schedule = new ArrayDeque<>();

    GatewayWindows(LongSupplier ticker) {
        this.ticker = ticker;
    }

    /** Appends a window that starts when the last scheduled one ends, or now if none is left. */
    public synchronized GatewayWindows then(GatewayPage page, Duration length) {
        Window window = new Window(page, length);
        long now = ticker.getAsLong();
        dropEnded(now);
        long start = schedule.isEmpty() ? now : schedule.peekLast().endNanos();
        schedule.addLast(new Scheduled(window.page(), start + window.length().toNanos()));
        return this;
    }

    /** Replaces the schedule with {@code windows}, the first starting now. */
    public synchronized void set(List<Window> windows) {
        schedule.clear();
        windows.forEach(window -> then(window.page(), window.length()));
    }

    /** incs answers again from now on. */
    public synchronized void clear() {
        schedule.clear();
    }

    /** The windows still to come, the current one first with the time it has left. */
    public synchronized List<Window> remaining() {
        long now = ticker.getAsLong();
        dropEnded(now);
        List<Window> left = new ArrayList<>();
        long start = now;
        for (Scheduled window : schedule) {
            left.add(new Window(window.page(), Duration.ofNanos(window.endNanos() - start)));
            start = window.endNanos();
        }
        return left;
    }

    /** The page the gateway answers with right now, if a window is open. */
    synchronized Optional<GatewayPage> current() {
        dropEnded(ticker.getAsLong());
        return schedule.isEmpty() ? Optional.empty() : Optional.of(schedule.peekFirst().page());
    }

    private void dropEnded(long now) {
        while (!schedule.isEmpty() && now - schedule.peekFirst().endNanos() >= 0) {
            schedule.pollFirst();
        }
    }
}
