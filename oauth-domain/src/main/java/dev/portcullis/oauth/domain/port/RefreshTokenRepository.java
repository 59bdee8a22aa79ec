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
     * Uses the token with {@code tokenHash} at {@code now}: marks it used at {@code now} if it is
     * unused, not revoked and not expired at {@code now}, and returns it, in one atomic step (one
     * conditional {@code UPDATE} that returns the row, never read-then-write). Of concurrent calls for
     * one token, across instances, at most one gets it (RFC 9700 §4.14.2 rotation, DESIGN.md
     * "Storage"). The client it is bound to is the caller's to check (RFC 6749 §6): before, or after
     * with {@link #release} when the use is held.
     *
     * @return the token as marked, used at {@code now}; empty when it is unknown, used already,
     *         revoked or expired at {@code now} ({@link #findByHash} tells which)
     */
    Optional<RefreshToken> use(String tokenHash, Instant now);

    /**
     * Whether a {@link #use} made now on the calling thread is held by the unit of work the thread
     * runs ({@link UnitOfWork}) until that unit ends: until it commits, other transactions see the
     * token unused and cannot change it (its row stays locked), so a revocation of the family that
     * meets the token waits for the commit and then also reaches the successor the unit stored (RFC
     * 9700 §4.14.2); and {@link #release} can still take the use back. False, the default, for
     * storage without transactions and for calls outside a unit of work: there a use counts at once.
     */
    default boolean holdsUsesUntilCommit() {
        return false;
    }

    /**
     * Takes back a use that the calling thread's unit of work holds ({@link #holdsUsesUntilCommit()}):
     * the token with {@code tokenHash}, used at {@code usedAt} by {@link #use}, is unused again, and
     * no other transaction ever saw it used. For a request refused after it used the token, which
     * must leave the token usable (RFC 6749 §6).
     *
     * @throws IllegalStateException when no such use is held: outside a unit of work, with storage
     *                               that never holds uses, or when the token was not used at {@code usedAt}
     */
    void release(String tokenHash, Instant usedAt);

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
