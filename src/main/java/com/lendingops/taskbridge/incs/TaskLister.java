package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * GET /external/tasks with retries and page-base translation. Retries transient failures (never an open
 * circuit) with exponential backoff and jitter, waiting at least any Retry-After; a Retry-After longer than
 * {@code incs.list-retry-max-backoff} ends the call at once with it, so the caller can wait instead of holding
 * a call open. While the page base is unknown (auto mode), the first page is asked as if numbering started at
 * 1 (the common choice); if that answer does not settle the question, one extra call for the last page under
 * that reading does (it is empty when numbering starts at 0). A first page shorter than {@code page_size}
 * (incs or a gateway capping pages) makes counts undecidable under either reading; there the probe asks page 0
 * instead and compares rows: the same rows as page 1 (a 1-based API reading page 0 as its first), or none, prove
 * numbering from 1; other rows prove numbering from 0, and page 0 is then the answer. At most two such probes per process
 * ({@link PageBase#claimProbe()}), so a base that stays unknown (incs capping every page below
 * {@code page_size}) never doubles the calls. Every request written, retries and probes included, is reported to
 * the caller's {@link ListCallCounter}. Every attempt is a span in the caller's {@code trace}.
 */
@ApplicationScoped
class TaskLister {

    private static final Logger LOG = Logger.getLogger(TaskLister.class);

    private final IncsGateway gateway;
    private final IncsPayloads payloads;
    private final PageBase pageBase;
    private final IncsClientMetrics metrics;
    private final IncsConfig config;

    TaskLister(IncsGateway gateway, IncsPayloads payloads, PageBase pageBase, IncsClientMetrics metrics,
               IncsConfig config) {
        this.gateway = gateway;
        this.payloads = payloads;
        this.pageBase = pageBase;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * One page of {@code query}; every request is written before {@code sendBy} or not at all (a caller whose claim
     * ends then could not store the answer): past it, the call fails with {@link IncsCallNotSentException}.
     */
    Uni<TaskPage> list(TaskQuery query, ListCallCounter counter, Context trace, Instant sendBy) {
        Call call = new Call(counter, trace, sendBy);
        Optional<Integer> base = pageBase.known();
        if (base.isPresent()) {
            return fetch(query, query.page() - 1 + base.get(), call);
        }
        return fetch(query, query.page(), call).chain(page -> settleBase(query, page, call));
    }

    private Uni<TaskPage> settleBase(TaskQuery query, TaskPage readAsOneBased, Call call) {
        long total = readAsOneBased.total();
        if (pageBase.known().isPresent() || total <= 0 || query.pageSize() <= 0) {
            return answerFor(query, readAsOneBased, call);
        }
        int served = readAsOneBased.tasks().size();
        if (query.page() == 1 && served > 0 && served < query.pageSize() && served < total) {
            return pageBase.claimProbe() ? settleByRows(query, readAsOneBased, call)
                    : answerFor(query, readAsOneBased, call);
        }
        int lastIfOneBased = (int) Math.min(Integer.MAX_VALUE, (total + query.pageSize() - 1) / query.pageSize());
        if (lastIfOneBased == query.page() || !pageBase.claimProbe()) {
            return answerFor(query, readAsOneBased, call);
        }
        return fetch(query, lastIfOneBased, call)
                .chain(ignored -> answerFor(query, readAsOneBased, call));
    }

    /** Short first page: page 0's rows tell the bases apart where counts cannot; a failed probe proves nothing. */
    private Uni<TaskPage> settleByRows(TaskQuery query, TaskPage readAsOneBased, Call call) {
        return fetch(query, 0, call)
                .map(pageZero -> {
                    boolean oneBased = pageZero.tasks().isEmpty() || ids(pageZero).equals(ids(readAsOneBased));
                    pageBase.proven(oneBased ? 1 : 0);
                    return oneBased ? readAsOneBased : pageZero;
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("incs page 0 probe failed, page base still unknown: %s", e.getMessage());
                    return readAsOneBased;
                });
    }

    private static List<Long> ids(TaskPage page) {
        return page.tasks().stream().map(IncsTaskView::id).toList();
    }

    private Uni<TaskPage> answerFor(TaskQuery query, TaskPage readAsOneBased, Call call) {
        Optional<Integer> base = pageBase.known();
        if (base.isEmpty()) {
            LOG.debug("incs page base still unknown; reading pages as starting at 1 for now");
        }
        return base.orElse(1) == 1 ? Uni.createFrom().item(readAsOneBased)
                : fetch(query, query.page() - 1, call);
    }

    private Uni<TaskPage> fetch(TaskQuery query, int apiPage, Call call) {
        return attempt(query, apiPage, 0, call);
    }

    private Uni<TaskPage> attempt(TaskQuery query, int apiPage, int retry, Call call) {
        call.counter().count();
        return gateway.exchange(IncsRequest.list(query, apiPage), call.sendBy(), call.trace()).chain(answer -> {
            if (answer instanceof IncsAnswer.Ok ok) {
                return read(ok, query, apiPage);
            }
            IncsAnswer.Failed failed = (IncsAnswer.Failed) answer;
            if (failed.sent() && failed.result() instanceof CreateResult.Unavailable unavailable
                    && retry < config.listRetries()) {
                Optional<Duration> wait = backoff(retry, unavailable.retryAfter());
                if (wait.isPresent()) {
                    metrics.recordRetry(IncsRoute.LIST.tag());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait.get())
                            .chain(() -> attempt(query, apiPage, retry + 1, call));
                }
            }
            return Uni.createFrom().failure(toException(failed.result()));
        });
    }

    private Uni<TaskPage> read(IncsAnswer.Ok ok, TaskQuery query, int apiPage) {
        try {
            TaskPage page = payloads.toTaskPage(ok.data());
            pageBase.observe(apiPage, query.pageSize(), page.total(), page.tasks().size());
            return Uni.createFrom().item(page);
        } catch (IOException e) {
            return Uni.createFrom().failure(new IncsCallException("unreadable incs list answer", false,
                    Optional.empty(), e));
        }
    }

    /** Equal-jitter exponential backoff, at least the Retry-After; empty when the wait would exceed the cap. */
    private Optional<Duration> backoff(int retry, Optional<Duration> retryAfter) {
        long max = config.listRetryMaxBackoff().toMillis();
        long base = Math.min(max, config.listRetryInitialBackoff().toMillis() << Math.min(retry, 20));
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long wait = Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L));
        return wait > max ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }

    private static IncsCallException toException(CreateResult result) {
        if (result instanceof CreateResult.NotSent notSent) {
            return new IncsCallNotSentException(notSent.reason());
        }
        if (result instanceof CreateResult.Unauthorized unauthorized) {
            return new IncsCallException("incs rejected the API token: " + unauthorized.message(), true,
                    Optional.empty(), null);
        }
        if (result instanceof CreateResult.Unavailable unavailable) {
            return new IncsCallException("incs unavailable: " + unavailable.reason(), false,
                    unavailable.retryAfter(), null);
        }
        if (result instanceof CreateResult.Invalid invalid) {
            return new IncsCallException("incs refused the query (code " + invalid.code() + "): "
                    + invalid.message(), false, Optional.empty(), null);
        }
        return new IncsCallException("unexpected incs answer to a list call: " + result, false, Optional.empty(),
                null);
    }

    /** Who a list call is for: counts its requests, traces them, and bounds when they may be written. */
    private record Call(ListCallCounter counter, Context trace, Instant sendBy) {
    }
}
