package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.token.DenyListEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The deny list of JWT access tokens revoked before they expire, by {@code jti}. JWT access tokens
 * are not stored; only a revoked one is listed, until it would have expired anyway. Thread-safe.
 */
public interface RevokedAccessTokenRepository {

    /** Lists {@code tokenId} as revoked until {@code expiresAt}; listing it twice is harmless. */
    void revoke(String tokenId, Instant expiresAt);

    /** Whether {@code tokenId} is listed. */
    boolean isRevoked(String tokenId);

    /**
     * Whether any of {@code tokenIds} is listed: one question for a token and its grant's entry, so
     * that an adapter can answer in one round trip. The default asks {@link #isRevoked} for each.
     *
     * @param tokenIds the entries to look for; none answers false
     */
    default boolean isAnyRevoked(Set<String> tokenIds) {
        return tokenIds.stream().anyMatch(this::isRevoked);
    }

    /**
     * When the entry {@code tokenId} expires (the later expiry when it was listed twice); empty when
     * it is not listed. For a copy of the list kept in memory, which hears of a new entry by its id.
     */
    Optional<Instant> findExpiry(String tokenId);

    /**
     * The entries that expire after {@code now}, at most {@code limit} of them, in no particular
     * order: for a copy of the list kept in memory. Ask for one more than the copy may hold to learn
     * whether the list is longer.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    List<DenyListEntry> findUnexpired(Instant now, int limit);

    /** Removes entries whose token expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
