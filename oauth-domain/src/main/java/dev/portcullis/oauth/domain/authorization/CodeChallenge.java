package dev.portcullis.oauth.domain.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A PKCE code challenge (RFC 7636 §4.2) and its check against a verifier (§4.6).
 *
 * @param method how the challenge was derived
 * @param value  the {@code code_challenge}: 43 to 128 characters of {@code [A-Za-z0-9-._~]}
 */
public record CodeChallenge(CodeChallengeMethod method, String value) {

    public CodeChallenge {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(value, "value");
        if (!isValidSyntax(value)) {
            throw new IllegalArgumentException("code_challenge must be 43 to 128 characters of [A-Za-z0-9-._~] (RFC 7636 §4.2)");
        }
    }

    /** RFC 7636 §4.1: {@code code-verifier = 43*128unreserved}; the challenge has the same syntax. */
    public static boolean isValidSyntax(String value) {
        if (value == null || value.length() < 43 || value.length() > 128) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code verifier} is the one this challenge was made from (RFC 7636 §4.6), compared in
     * constant time. A verifier of invalid syntax never matches.
     */
    public boolean isSatisfiedBy(String verifier) {
        if (!isValidSyntax(verifier)) {
            return false;
        }
        String derived = method == CodeChallengeMethod.S256 ? s256(verifier) : verifier;
        return MessageDigest.isEqual(derived.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.US_ASCII));
    }

    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
