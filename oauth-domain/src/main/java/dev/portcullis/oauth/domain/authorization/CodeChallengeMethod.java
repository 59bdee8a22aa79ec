package dev.portcullis.oauth.domain.authorization;

import java.util.Arrays;
import java.util.Optional;

/** PKCE code challenge methods (RFC 7636 §4.2). */
public enum CodeChallengeMethod {
    /** {@code BASE64URL(SHA256(ASCII(code_verifier)))}: required for public clients. */
    S256("S256"),
    /** The verifier itself; refused unless a client is configured for it (RFC 9700 §2.1.1). */
    PLAIN("plain");

    private final String value;

    CodeChallengeMethod(String value) {
        this.value = value;
    }

    /** The {@code code_challenge_method} value. */
    public String value() {
        return value;
    }

    /** The method named exactly {@code value}, or empty. */
    public static Optional<CodeChallengeMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
