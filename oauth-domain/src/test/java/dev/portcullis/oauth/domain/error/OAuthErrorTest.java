package dev.portcullis.oauth.domain.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthErrorTest {

    @Test
    void constructorWhenA8TextThenAccepted() { // RFC 6749 A.8
        OAuthError error = new OAuthError(StandardErrorCode.INVALID_REQUEST, "The grant_type parameter is missing.");

        assertEquals("The grant_type parameter is missing.", error.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void constructorWhenBlankThenIllegalArgument(String description) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new OAuthError(StandardErrorCode.INVALID_REQUEST, description));

        assertEquals("description must be non-blank RFC 6749 A.8 text", thrown.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "C:\\path", "line\nbreak", "caf\u00e9"})
    void constructorWhenNotA8CharsThenIllegalArgument(String description) { // RFC 6749 A.8
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new OAuthError(StandardErrorCode.INVALID_REQUEST, description));

        assertEquals("description must be non-blank RFC 6749 A.8 text", thrown.getMessage());
    }

    @Test
    void constructorWhenCodeNullThenNullPointer() {
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> new OAuthError(null, "Text."));

        assertEquals("code", thrown.getMessage());
    }

    @Test
    void oauthExceptionOfWhenCalledThenDescriptionIsAlsoInternalDetail() {
        OAuthException thrown = OAuthException.of(StandardErrorCode.INVALID_GRANT, "The code has expired.");

        assertEquals(new OAuthError(StandardErrorCode.INVALID_GRANT, "The code has expired."), thrown.error());
        assertEquals("The code has expired.", thrown.getMessage());
    }

    @Test
    void oauthExceptionWhenInternalDetailGivenThenMessageIsDetailNotDescription() {
        OAuthError error = new OAuthError(StandardErrorCode.INVALID_CLIENT, "Client authentication failed.");

        OAuthException thrown = new OAuthException(error, "unknown client_id c1");

        assertSame(error, thrown.error());
        assertEquals("unknown client_id c1", thrown.getMessage());
    }

    @Test
    void oauthExceptionWhenCreatedThenNoStackTraceAndNoCause() {
        OAuthException thrown = OAuthException.of(StandardErrorCode.INVALID_GRANT, "The code has expired.");

        assertEquals(0, thrown.getStackTrace().length);
        assertNull(thrown.getCause());
    }

    @Test
    void serviceUnavailableWhenCreatedThenMessageNamesDependency() {
        ServiceUnavailableException thrown = new ServiceUnavailableException("database", new IllegalStateException("down"));

        assertEquals("database unavailable", thrown.getMessage());
        assertNotNull(thrown.getCause());
    }

    @Test
    void descriptionTextWhenQuotesBackslashOrNonAsciiThenValidDescription() { // RFC 6749 A.8
        String text = OAuthError.descriptionText("a\"b\\c\u00e9d \u00a72");

        assertEquals("a?b?c?d section 2", text);
        assertEquals(text, new OAuthError(StandardErrorCode.INVALID_REQUEST, text).description());
    }
}
