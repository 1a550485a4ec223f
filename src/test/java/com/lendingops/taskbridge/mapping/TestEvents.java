package com.lendingops.taskbridge.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test data files under src/test/resources/ingest. */
public final class TestEvents {

    private TestEvents() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource ingest/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed event, parsed. */
    public static CollectionEvent seedEvent() {
        return ((ParsedRecord.Requested) new EventParser().parse(resource("seed-event.json"))).event();
    }
}
