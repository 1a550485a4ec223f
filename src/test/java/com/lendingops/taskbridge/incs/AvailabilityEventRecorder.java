package com.lendingops.taskbridge.incs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: remembers every {@link IncsAvailabilityChanged} the application fires. */
@ApplicationScoped
public class AvailabilityEventRecorder {

    private final List<IncsAvailabilityChanged> events = new CopyOnWriteArrayList<>();

    void onChange(@Observes IncsAvailabilityChanged event) {
        events.add(event);
    }

    public List<IncsAvailabilityChanged> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
