package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Converts between incs zone-less "yyyy-MM-dd HH:mm:ss" timestamps and ISO-8601 instants with offset. */
@ApplicationScoped
public class IncsTime {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    @Inject
    public IncsTime(IncsConfig config) {
        this.zone = config.timeZone();
    }

    public static IncsTime inZone(ZoneId zone) {
        return new IncsTime(zone);
    }

    private IncsTime(ZoneId zone) {
        this.zone = zone;
    }

    /** Reads an incs timestamp in the configured zone; null or unparseable yields null. */
    public OffsetDateTime parse(String incsTimestamp) {
        if (incsTimestamp == null || incsTimestamp.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(incsTimestamp.trim(), FORMAT).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Formats an instant as incs expects it in query filters and task_module_info. */
    public String format(Instant instant) {
        return FORMAT.format(instant.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
