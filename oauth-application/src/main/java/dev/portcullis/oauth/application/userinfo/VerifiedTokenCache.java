package dev.portcullis.oauth.application.userinfo;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JWT access tokens whose signature this instance has verified, so that a resource server
 * introspecting the same token again does not pay for the signature (RFC 7515 §5.2) a second time.
 * Thread-safe and lock-free: a {@link ConcurrentHashMap} bounded by a ring of slots that evicts the
 * oldest insertion first, O(1) per lookup and insertion.
 *
 * <p>An entry is keyed by the SHA-256 of the exact compact token as presented, never by {@code jti}
 * or any other claim, so only a byte-identical token finds it. It holds what the verification
 * produced (the header, the claims and the key verifier that accepted the signature), and only the
 * signature check and the parsing are skipped: {@link AccessTokenValidator} still checks the header
 * against the current keys, {@code iss}, {@code exp} and the deny list on every request. An entry
 * is dropped once its token's {@code exp} has passed, and is used only while the key verifier it
 * was verified with is still the one the key ring publishes for its {@code kid}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
final class VerifiedTokenCache {

    /** The default bound; an entry holds a parsed header and claims set, a few kilobytes. */
    static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** What one successful verification produced, under its token's digest. */
    record Entry(Digest digest, JWSHeader header, JWTClaimsSet claims, AccessTokenVerifiers.KeyVerifier key,
                 Instant expiresAt) {
        Entry {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(claims, "claims");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    private final ConcurrentHashMap<Digest, Entry> entries;
    private final AtomicReferenceArray<Entry> slots;
    private final AtomicInteger next = new AtomicInteger();

    /** @param maxEntries how many tokens are kept at most; 0 keeps none */
    VerifiedTokenCache(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        this.entries = new ConcurrentHashMap<>(Math.min(maxEntries, DEFAULT_MAX_ENTRIES));
        this.slots = new AtomicReferenceArray<>(maxEntries);
    }

    boolean enabled() {
        return slots.length() > 0;
    }

    /**
     * The digest of {@code token}, or null when the cache is off or the value cannot be a compact
     * JWS (RFC 7515 §7.1: base64url parts and dots, all ASCII), which keeps opaque tokens and
     * anything non-ASCII out.
     */
    Digest digestOf(String token) {
        if (!enabled() || token.indexOf('.') < 0) {
            return null;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                return null;
            }
        }
        // All ASCII here, so its UTF-8 bytes are the token's bytes.
        return Digest.of(TokenHash.sha256(token));
    }

    /** The entry of {@code digest}, or null. */
    Entry find(Digest digest) {
        return entries.get(digest);
    }

    /** Keeps {@code entry}, evicting the oldest insertion when the cache is full. */
    void put(Entry entry) {
        if (!enabled()) {
            return;
        }
        int slot = Math.floorMod(next.getAndIncrement(), slots.length());
        Entry evicted = slots.getAndSet(slot, entry);
        if (evicted != null) {
            entries.remove(evicted.digest(), evicted);
        }
        entries.put(entry.digest(), entry);
        // Another insertion took the slot meanwhile: the entry must not outlive its slot.
        if (slots.get(slot) != entry) {
            entries.remove(entry.digest(), entry);
        }
    }

    /** Drops {@code entry}, unless a newer verification has replaced it. */
    void remove(Entry entry) {
        entries.remove(entry.digest(), entry);
    }

    /** Drops every entry: the keys they were verified with may be gone. */
    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** A SHA-256 value as four longs: cheap to compare and to hash. */
    record Digest(long a, long b, long c, long d) {

        static Digest of(byte[] sha256) {
            if (sha256.length != 32) {
                throw new IllegalArgumentException("not a SHA-256 value");
            }
            ByteBuffer bytes = ByteBuffer.wrap(sha256);
            return new Digest(bytes.getLong(0), bytes.getLong(8), bytes.getLong(16), bytes.getLong(24));
        }

        @Override
        public String toString() {
            return "Digest[" + Long.toHexString(a) + "…]";
        }
    }
}
