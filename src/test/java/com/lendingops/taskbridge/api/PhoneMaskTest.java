package com.lendingops.taskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

    @Test
    void onlyTheLastFourDigitsStayVisible() {
        assertThat(Caller.masked("6281512345678")).isEqualTo("*********5678");
        assertThat(Caller.masked("123")).isEqualTo("***");
        assertThat(Caller.masked(null)).isNull();
    }
}
