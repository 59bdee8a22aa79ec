package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.port.TokenValueGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Token values and identifiers from a {@link SecureRandom}. Thread-safe.
 */
public final class SecureRandomTokenValueGenerator implements TokenValueGenerator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SecureRandomTokenValueGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String tokenValue() {
        return next(32);
    }

    @Override
    public String identifier() {
        return next(16);
    }

    private String next(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
