package dev.portcullis.oauth.application.token;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecureRandomTokenValueGeneratorTest {

    private final SecureRandomTokenValueGenerator generator = new SecureRandomTokenValueGenerator(new SecureRandom());

    @Test
    void tokenValueWhenCalledThen43Base64UrlCharacters() { // 256 bits, base64url without padding
        String value = generator.tokenValue();

        assertTrue(value.matches("[A-Za-z0-9_-]{43}"), value);
    }

    @Test
    void identifierWhenCalledThen22Base64UrlCharacters() { // 128 bits, base64url without padding
        String value = generator.identifier();

        assertTrue(value.matches("[A-Za-z0-9_-]{22}"), value);
    }

    @Test
    void tokenValueWhenCalledTwiceThenDifferent() {
        String first = generator.tokenValue();

        String second = generator.tokenValue();

        assertNotEquals(first, second);
    }
}
