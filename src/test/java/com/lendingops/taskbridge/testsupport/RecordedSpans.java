package com.lendingops.taskbridge.testsupport;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;

/**
 * The test application's span exporter (a CDI {@link SpanExporter}, so Quarkus uses it instead of OTLP): an
 * {@link InMemorySpanExporter} that keeps spans only while a test records, so the shared application never piles up
 * the spans of the whole suite.
 */
@Singleton
public class RecordedSpans implements SpanExporter {

    private final InMemorySpanExporter memory = InMemorySpanExporter.create();
    private volatile boolean recording;

    /** Forgets what was recorded and records from now on. */
    public void start() {
        memory.reset();
        recording = true;
    }

    /** Stops recording and forgets. */
    public void stop() {
        recording = false;
        memory.reset();
    }

    /** Every span finished since {@link #start()}. */
    public List<SpanData> spans() {
        return memory.getFinishedSpanItems();
    }

    /** The recorded spans of one trace. */
    public List<SpanData> trace(String traceId) {
        return spans().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return recording ? memory.export(spans) : CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        recording = false;
        return CompletableResultCode.ofSuccess();
    }
}
