package dev.portcullis.oauth.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How codes, refresh tokens and opaque tokens are stored and looked up: SHA-256 of the value,
 * base64url without padding. A high-entropy value needs no salt or slow hash; a database dump
 * yields nothing usable. Each thread keeps its own digest: {@code MessageDigest.getInstance} walks
 * the provider list, too slow for every token request.
 */
public final class TokenHash {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private TokenHash() {
    }

    /** The hash of {@code value}. */
    public static String of(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(value));
    }

    /** The 32 bytes of SHA-256 over the UTF-8 bytes of {@code value}: {@link #of} before encoding. */
    public static byte[] sha256(String value) {
        // digest() resets the thread's instance, ready for its next use.
        return SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8));
    }
}
