package dev.portcullis.oauth.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How codes, refresh tokens and opaque tokens are stored and looked up: SHA-256 of the value,
 * base64url without padding. A high-entropy value needs no salt or slow hash; a database dump
 * yields nothing usable.
 */
public final class TokenHash {

    private TokenHash() {
    }

    /** The hash of {@code value}. */
    public static String of(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
