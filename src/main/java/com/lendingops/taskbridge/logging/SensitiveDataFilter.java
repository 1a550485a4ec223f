package com.lendingops.taskbridge.logging;

import io.quarkus.logging.LoggingFilter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The one place where log lines lose customer phones and credentials (see {@link LogMasker} for the rules), for every
 * logger, the bridge's and the libraries' alike. Registered on the console handler (text and JSON) and the file
 * handler ({@code quarkus.log.console.filter} / {@code quarkus.log.file.filter} = {@value #NAME}).
 * <p>
 * A parameter or an exception message can hold what the pattern alone does not show, so the record is rendered first
 * (message with its parameters, then the exception with its causes and stack trace), masked as a whole, and put back
 * as a plain message without parameters or exception: no formatter can print an unmasked part afterwards. Being the
 * one filter every handler runs, it also puts back the unit of work's MDC fields ({@link LogFields#restoreOn}).
 */
@LoggingFilter(name = SensitiveDataFilter.NAME)
public final class SensitiveDataFilter implements Filter {

    public static final String NAME = "sensitive-data";

    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private final LogMasker masker;

    public SensitiveDataFilter(@ConfigProperty(name = "incs.api-token") Optional<String> incsToken) {
        this.masker = new LogMasker(incsToken.map(List::of).orElse(List.of()));
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String masked = masker.mask(render(record));
        if (record instanceof ExtLogRecord ext) {
            LogFields.restoreOn(ext);
            ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(masked);
        }
        record.setParameters(null);
        record.setThrown(null);
        return true;
    }

    private static String render(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : MESSAGE.formatMessage(record);
        Throwable thrown = record.getThrown();
        if (thrown == null) {
            return message == null ? "" : message;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return (message == null ? "" : message) + System.lineSeparator() + trace.toString().stripTrailing();
    }
}
