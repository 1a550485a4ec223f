package com.lendingops.taskbridge.incs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The page-base evidence rule and its vote. */
class PageBaseTest {

    @Test
    void firstPageWithEverythingProvesOneBasedWhenAllFitsOnOnePage() {
        assertThat(PageBase.evidence(1, 100, 40, 40)).contains(1);
    }

    @Test
    void emptyPageOneWhileAllFitsOnOnePageProvesZeroBased() {
        assertThat(PageBase.evidence(1, 100, 40, 0)).contains(0);
    }

    @Test
    void fullPageOneProvesOneBasedWhenLessThanTwoPagesExist() {
        assertThat(PageBase.evidence(1, 100, 150, 100)).contains(1);
    }

    @Test
    void shortPagesProveNothingBecauseIncsMayCapThem() {
        // 50 of 150: pages of 100 from 0 (the second page), or pages capped at 50 from 1
        assertThat(PageBase.evidence(1, 100, 150, 50)).isEmpty();
        // the field report: 20 of 120 on page 1 is a capped first page, not proof of base 0
        assertThat(PageBase.evidence(1, 100, 120, 20)).isEmpty();
        assertThat(PageBase.evidence(3, 100, 250, 50)).isEmpty();
    }

    @Test
    void fullMiddlePagesProveNothing() {
        assertThat(PageBase.evidence(1, 100, 250, 100)).isEmpty();
        assertThat(PageBase.evidence(2, 100, 450, 100)).isEmpty();
    }

    @Test
    void emptyPageWhereOneBasedReadingExpectsRowsIsDecisive() {
        assertThat(PageBase.evidence(3, 100, 250, 0)).contains(0);
    }

    @Test
    void pageZeroAndEmptySetsProveNothing() {
        assertThat(PageBase.evidence(0, 100, 40, 40)).isEmpty();
        assertThat(PageBase.evidence(1, 100, 0, 0)).isEmpty();
    }

    @Test
    void countMatchingNeitherReadingProvesNothing() {
        assertThat(PageBase.evidence(1, 100, 40, 7)).isEmpty();
    }

    @Test
    void settingIsParsedStrictly() {
        assertThat(PageBase.parse("auto")).isNull();
        assertThat(PageBase.parse(" 0 ")).isZero();
        assertThat(PageBase.parse("1")).isEqualTo(1);
        assertThatThrownBy(() -> PageBase.parse("2")).isInstanceOf(IllegalArgumentException.class);
    }
}
