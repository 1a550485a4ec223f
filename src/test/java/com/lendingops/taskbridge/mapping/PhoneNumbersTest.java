package com.lendingops.taskbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+62 815-1234-5678   | 6281512345678",
            "0815-1234-5678      | 6281512345678",
            "0062 815 1234 5678  | 6281512345678",
            "(0815) 1234.5678    | 6281512345678",
            "6281512345678       | 6281512345678",
            "+62 (815) [1234] 5678 | 6281512345678"})
    void normalisesSpellingsToCountryCodeDigits(String raw, String expected) {
        assertThat(PhoneNumbers.normalise(raw, "62")).contains(expected);
    }

    @Test
    void replacesNationalZeroWithConfiguredCountryCode() {
        assertThat(PhoneNumbers.normalise("0912 345 678", "63")).contains("63912345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "+1234567890123456", "0812-abc-5678", "+0812345678", "62 812 x", "++6281234567"})
    void rejectsWhatCannotBeAnInternationalNumber(String raw) {
        assertThat(PhoneNumbers.normalise(raw, "62")).isEmpty();
    }

    @Test
    void acceptsTheLengthBounds() {
        assertThat(PhoneNumbers.normalise("12345678", "62")).contains("12345678");
        assertThat(PhoneNumbers.normalise("123456789012345", "62")).contains("123456789012345");
    }
}
