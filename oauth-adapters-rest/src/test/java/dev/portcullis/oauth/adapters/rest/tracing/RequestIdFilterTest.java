package dev.portcullis.oauth.adapters.rest.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void isSafeWhenLettersDigitsAndPunctuationThenTrue() {
        assertTrue(RequestIdFilter.isSafe("1-67891233-abcdef012345678912345678.x_y"));
    }

    @Test
    void isSafeWhenEmptyThenFalse() {
        assertFalse(RequestIdFilter.isSafe(""));
    }

    @Test
    void isSafeWhenLongerThan64ThenFalse() {
        assertFalse(RequestIdFilter.isSafe("a".repeat(65)));
    }

    @Test
    void isSafeWhenLineBreakThenFalse() {
        assertFalse(RequestIdFilter.isSafe("abc\r\nX-Injected: 1"));
    }

    @Test
    void isSafeWhenSpaceOrQuoteThenFalse() {
        assertFalse(RequestIdFilter.isSafe("a b\""));
    }
}
