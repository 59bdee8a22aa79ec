package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.client.ClientId;
import java.time.Instant;

/**
 * The {@code jti} values of client authentication assertions already used, per client, so that an
 * assertion is accepted once (RFC 7523 §3 item 7, OIDC Core §9). A value stays recorded until its
 * assertion has expired and the entry is pruned. Thread-safe; across instances sharing a database,
 * of concurrent uses of one value exactly one succeeds.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-3">RFC 7523 §3</a>
 */
public interface AssertionJtiRepository {

    /** Longest {@code jti} stored; longer ones are refused before they reach a repository. */
    int MAX_JTI_LENGTH = 255;

    /**
     * Records that {@code client} used {@code jti}, unless it already did.
     *
     * @param expiresAt when the assertion expires; the entry may be pruned after it
     * @return {@code true} when this is the first use, {@code false} when the value is recorded already
     *         (a replay), whatever its expiry
     * @throws IllegalArgumentException when {@code jti} is empty or longer than {@link #MAX_JTI_LENGTH}
     */
    boolean use(ClientId client, String jti, Instant expiresAt);

    /** Removes entries that expired strictly before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
