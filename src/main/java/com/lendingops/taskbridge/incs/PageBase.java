package com.lendingops.taskbridge.incs;

import com.lendingops.taskbridge.config.IncsConfig;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Whether incs numbers pages from 0 or 1 ({@code incs.page-base}: {@code 0}, {@code 1} or {@code auto}).
 *
 * <p>Auto rule. A list answer for API page {@code p ≥ 1} with page size {@code s} reports {@code total} T and
 * holds {@code k} items. If pages start at 1, page p covers items {@code [(p-1)s, ps)}, so k must be
 * {@code clamp(T-(p-1)s, 0, s)}; if they start at 0 it covers {@code [ps, (p+1)s)} and k must be
 * {@code clamp(T-ps, 0, s)}. When the two expectations differ and k equals one of them, the answer proves the
 * base. Page 0 proves nothing (a 1-based API may treat it as page 1), so it is never evaluated. Every answer is
 * evaluated for free and counts as one vote; the base is the one with more votes (the first decisive answer
 * while tied), so a single answer skewed by tasks created between incs's count and its page query cannot
 * overturn what many consistent answers established. The result is cached for the life of the process.
 *
 * <p>Short pages. incs, or a gateway in front of it, may answer fewer rows than {@code page_size} (and then
 * number pages in those shorter units). A short page therefore proves nothing about the base: with an unknown
 * cap c, page p holds {@code clamp(T-(p-1)c, 0, c)} rows when pages start at 1 and {@code clamp(T-pc, 0, c)}
 * when they start at 0. An answer is decisive only if one base explains it for no cap c in [1, page_size] and
 * the other does for some: e.g. an empty first page with T &gt; 0, or a first page holding all T rows, but not a
 * first page of 20 rows out of 120 (pages start at 1 with c = 20, or at 0 with c = 100 and 20 left).
 */
@Singleton
public class PageBase {

    private static final Logger LOG = Logger.getLogger(PageBase.class);

    private final Integer fixed;
    private long votesZero;
    private long votesOne;
    private Integer learned;
    /** Set once rows proved the base (see {@link #proven(int)}); counts never overturn it. */
    private boolean provenByRows;
    private int probes;

    public PageBase(IncsConfig config) {
        this.fixed = parse(config.pageBase());
    }

    static Integer parse(String setting) {
        return switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> null;
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new IllegalArgumentException("incs.page-base must be auto, 0 or 1, not " + setting);
        };
    }

    /** The base in use, empty while auto mode has not learned it yet. */
    public synchronized Optional<Integer> known() {
        return Optional.ofNullable(fixed != null ? fixed : learned);
    }

    /** Grants one extra probe call while the base is unknown; at most two per process. */
    public synchronized boolean claimProbe() {
        if (probes >= 2) {
            return false;
        }
        probes++;
        return true;
    }

    /** The base this answer proves, if it is decisive (only a full page can be). */
    static Optional<Integer> evidence(int apiPage, int pageSize, long total, int count) {
        if (apiPage < 1 || pageSize < 1 || total < 0 || count < 0 || count > pageSize) {
            return Optional.empty();
        }
        boolean oneBasedFits = false;
        boolean zeroBasedFits = false;
        for (int cap = Math.max(1, count); cap <= pageSize; cap++) {
            oneBasedFits |= clamp(total - (long) (apiPage - 1) * cap, cap) == count;
            zeroBasedFits |= clamp(total - (long) apiPage * cap, cap) == count;
        }
        if (oneBasedFits == zeroBasedFits) {
            return Optional.empty();
        }
        return Optional.of(oneBasedFits ? 1 : 0);
    }

    /** Records what an answer for {@code apiPage} proves (auto mode only). */
    public synchronized void observe(int apiPage, int pageSize, long total, int count) {
        if (fixed != null || provenByRows) {
            return;
        }
        evidence(apiPage, pageSize, total, count).ifPresent(base -> {
            if (base == 0) {
                votesZero++;
            } else {
                votesOne++;
            }
            Integer before = learned;
            if (learned == null || votesZero != votesOne) {
                learned = learned == null ? base : (votesZero > votesOne ? 0 : 1);
            }
            if (!learned.equals(before)) {
                LOG.infof("incs page base learned: pages start at %d (votes: %d for 0, %d for 1)", learned,
                        votesZero, votesOne);
            } else if (!base.equals(learned)) {
                LOG.warnf("an incs list answer suggested page base %d, keeping %d (votes: %d for 0, %d for 1)",
                        base, learned, votesZero, votesOne);
            }
        });
    }

    /**
     * The base proven by rows (page 0 compared with page 1, where short pages leave counts undecided): final,
     * since rows cannot be skewed by tasks created between incs's count and its query.
     */
    public synchronized void proven(int base) {
        if (fixed != null || provenByRows) {
            return;
        }
        provenByRows = true;
        if (!Integer.valueOf(base).equals(learned)) {
            LOG.infof("incs page base proven by rows: pages start at %d", base);
        }
        learned = base;
    }

    private static long clamp(long value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
