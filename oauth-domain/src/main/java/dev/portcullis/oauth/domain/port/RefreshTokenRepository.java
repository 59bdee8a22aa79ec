package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Stores refresh tokens by hash. Thread-safe. */
public interface RefreshTokenRepository {

    /**
     * Stores a new refresh token.
     *
     * @throws IllegalStateException when a token with the same hash exists
     */
    void save(RefreshToken token);

    /**
     * Stores a new refresh token unless a token with the same hash exists, in one atomic step (an
     * {@code INSERT ... ON CONFLICT DO NOTHING} or equivalent, never read-then-write): for a rotated
     * token's successor, whose value every request presenting the rotated token derives alike. A
     * token that exists is left as it is, whatever it holds; the caller reads it to decide. Unlike
     * {@link #save}, finding the token stored is no failure, so it never spoils a unit of work
     * ({@link UnitOfWork}). A concurrent insert of the same hash that has not committed yet is
     * waited for.
     *
     * @return whether this call stored it; {@code false} when a token with its hash existed
     */
    boolean saveIfAbsent(RefreshToken token);

    /** The token with {@code tokenHash}, used, revoked or expired alike; empty when there is none. */
    Optional<RefreshToken> findByHash(String tokenHash);

    /**
     * Marks the token with {@code tokenHash} used at {@code now}, if it is unused, not revoked and
     * not expired at {@code now}, in one atomic step (one conditional {@code UPDATE}): of concurrent
     * calls for one token, across instances, exactly one returns {@code true} (RFC 9700 §4.14.2
     * rotation, DESIGN.md "Storage").
     *
     * @return whether this call marked it; {@code false} when it is unknown, already used, revoked or expired
     */
    boolean markUsed(String tokenHash, Instant now);

    /** Revokes every token of grant {@code grantId} in one statement; returns how many were active. */
    int revokeGrant(String grantId);

    /**
     * Revokes every token of user {@code subject}, only those issued to {@code clientId} when it is
     * present, in one statement; returns how many were not revoked before.
     */
    int revokeSubject(Subject subject, Optional<ClientId> clientId);

    /**
     * The grants (families) with a token not yet revoked, of user {@code subject} and/or of client
     * {@code clientId}, each with the client it was issued to; so that revoking them can also reach
     * the access tokens they produced.
     *
     * @throws IllegalArgumentException when neither is present
     */
    Map<String, ClientId> liveGrants(Optional<Subject> subject, Optional<ClientId> clientId);

    /** Revokes every token issued to {@code clientId} in one statement; returns how many were not revoked before. */
    int revokeClient(ClientId clientId);

    /**
     * Removes tokens whose family expired before {@code before} ({@link RefreshToken#familyExpiresAt()}),
     * at most {@code limit}; returns how many. A used or idle-expired token is kept until its family
     * ends, so that its replay is still recognised as reuse (RFC 9700 §4.14.2).
     */
    int deleteExpired(Instant before, int limit);
}
