package dev.portcullis.oauth.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenValueTest {

    @Test
    void toStringWhenCalledThenRedacted() {
        TokenValue token = new TokenValue("eyJhbGciOiJSUzI1NiJ9.payload.signature");

        String text = token.toString();

        assertEquals("TokenValue[redacted]", text);
    }

    @Test
    void constructorWhenEmptyThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new TokenValue(""));

        assertEquals("token value must not be empty", thrown.getMessage());
    }

    @Test
    void tokenResponseToStringWhenCalledThenTokenValuesNotPrinted() {
        TokenResponse response = new TokenResponse(new TokenValue("access-secret"), TokenResponse.BEARER,
                Duration.ofMinutes(5), ScopeSet.of("read"), Optional.of(new TokenValue("refresh-secret")));

        String text = response.toString();

        assertFalse(text.contains("access-secret"));
        assertFalse(text.contains("refresh-secret"));
    }
}
