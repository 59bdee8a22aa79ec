package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.token.TokenValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The value of the refresh token that replaces a rotated one: HMAC-SHA256 of the presented value
 * under a server key, base64url. Because it is derived, not drawn at random, every request that
 * presents the same token within the grace period gets the same successor, so concurrent refreshes
 * never fork a family (RFC 9700 §4.14.2), and the successor's value need not be stored: the database
 * keeps only hashes, and without the server key a stolen used token does not yield its successor.
 * Thread-safe.
 */
public final class RefreshTokenSuccessors {

    /** The purpose the key is derived for from the master key. */
    public static final String KEY_PURPOSE = "refresh-token-successor/v1";

    private final SecretKey key;

    /** @param key an HMAC-SHA256 key shared by every instance of the server */
    public RefreshTokenSuccessors(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
        if (!"HmacSHA256".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("the key must be an HmacSHA256 key");
        }
        mac();
    }

    /** The successor of the refresh token {@code presented}: 256 bits, base64url without padding. */
    public TokenValue of(String presented) {
        Objects.requireNonNull(presented, "presented");
        byte[] digest = mac().doFinal(presented.getBytes(StandardCharsets.US_ASCII));
        return new TokenValue(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
