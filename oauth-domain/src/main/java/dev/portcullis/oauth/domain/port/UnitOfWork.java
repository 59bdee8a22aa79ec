package dev.portcullis.oauth.domain.port;

import java.util.function.Supplier;

/**
 * Makes the repository writes of one use case hold together: everything the repositories write
 * while {@code work} runs commits together or not at all, so that a failure between two writes (a
 * connection lost after a code is redeemed and before its token is stored) leaves nothing
 * half-written (DESIGN.md "Errors and bad input": "a request either completes in one transaction
 * or leaves no trace"). Thread-safe; a unit belongs to the thread that runs it.
 *
 * <p>Implementations whose storage has no transactions (the in-memory repositories) run the work
 * directly and roll nothing back; they say so.
 */
public interface UnitOfWork {

    /**
     * Runs {@code work} as one unit, on the calling thread.
     *
     * <ul>
     *   <li>{@code work} returns: its writes commit, then its result is returned.</li>
     *   <li>{@code work} throws {@link dev.portcullis.oauth.domain.error.OAuthException}: a protocol
     *       refusal is an outcome, not a failure, so its writes commit too, then the exception is
     *       rethrown. A code redeemed and then refused for a wrong {@code redirect_uri} stays spent
     *       (RFC 6749 §4.1.2: single use), and what a detected replay revoked stays revoked.</li>
     *   <li>{@code work} throws anything else: every write rolls back, then the exception is
     *       rethrown.</li>
     * </ul>
     * A call made while the thread already runs a unit joins it: the outermost call decides. A
     * failure other than {@code OAuthException} that leaves any call inside a unit, a repository's
     * or a nested unit's, dooms the whole unit even when the caller catches it: the unit rolls
     * back, and if {@code work} returns or refuses all the same, that failure is thrown from the
     * outermost call. Repository calls made on other threads do not join.
     *
     * @return what {@code work} returned
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the storage cannot
     *         be reached, or fails to commit: then nothing was written
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the unit the calling thread runs has committed (after the commit of
     * a refusal too), and never when it rolls back: for what must not be told before it holds, such
     * as the audit event of a token. The unit has ended by then: repository calls the action makes
     * run in transactions of their own. Outside a unit, runs it at once. The default, for storage
     * without transactions, runs it at once.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
