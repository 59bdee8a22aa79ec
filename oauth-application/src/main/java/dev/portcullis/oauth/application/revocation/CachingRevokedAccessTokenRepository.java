package dev.portcullis.oauth.application.revocation;

import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import dev.portcullis.oauth.domain.token.DenyListEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RevokedAccessTokenRepository} that keeps a copy of the unexpired deny list in this
 * instance's memory, so that checking a JWT access token (introspection, UserInfo) asks no
 * database. The copy is kept current through a {@link ChangeNotifier}, on
 * {@link ChangeTopic#REVOKED_ACCESS_TOKENS}:
 * <ul>
 *   <li>{@link #revoke} writes to the repository of record; once the unit of work it runs in has
 *       committed, and before the revocation is answered, the entry is in this copy and is
 *       announced by its id. A revocation rolled back is neither copied nor announced.</li>
 *   <li>An entry announced by another instance is read from the repository by its id: one query
 *       per revocation, and revocations are rare.</li>
 *   <li>An any-of-topic change (the notifier started listening, or reconnected and may have missed
 *       announcements) reloads every unexpired entry, as {@link #reload()} does; a recurring job
 *       calls it as the backstop for an announcement that could not be sent.</li>
 * </ul>
 * Another instance's revocation therefore takes effect here a little later than on the instance
 * that made it (the notification and one query: milliseconds), the propagation delay RFC 7009 §2.2
 * allows for.
 *
 * <p>It fails closed: the questions go to the repository of record whenever the copy may lack an
 * entry: while the notifier does not listen; until a reload that started after the last
 * any-of-topic change, while changes were heard, has completed; after an announced entry could not
 * be read, until the next reload; and while more than {@code maxEntries} entries are unexpired,
 * which bounds the memory (the copy is then dropped, and each reload tries again). An entry counts
 * until its expiry and is then dropped: every token it covers has expired by then, and an expired
 * token is refused before the deny list is asked (RFC 9068 §4). Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.2">RFC 7009 §2.2</a>
 */
public final class CachingRevokedAccessTokenRepository implements RevokedAccessTokenRepository {

    /** How many unexpired entries a copy holds at most unless told otherwise: about 15 MB. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(CachingRevokedAccessTokenRepository.class);

    private final RevokedAccessTokenRepository delegate;
    private final ChangeNotifier changes;
    private final UnitOfWork units;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Instant> entries = new ConcurrentHashMap<>();
    /** Guards {@link #gaps} and the writes of {@link #complete}. */
    private final Object state = new Object();
    /** Counts the events after which the copy may lack an entry: a reload begun before one is not enough. */
    private long gaps;
    /** Whether the copy holds every unexpired entry, as far as this instance can tell. */
    private volatile boolean complete;
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * A copy of {@code delegate}'s deny list that answers from {@code delegate} until {@link #start()}.
     *
     * @param delegate   the repository of record
     * @param changes    where revocations are announced and heard
     * @param units      the transactions {@code delegate}'s writes join: an entry is copied and
     *                   announced once its unit has committed
     * @param clock      the source of "now" for expiry
     * @param maxEntries how many unexpired entries the copy holds at most; with more, the questions
     *                   go to {@code delegate}
     */
    public CachingRevokedAccessTokenRepository(RevokedAccessTokenRepository delegate, ChangeNotifier changes,
                                               UnitOfWork units, Clock clock, int maxEntries) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.units = Objects.requireNonNull(units, "units");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1 || maxEntries == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxEntries must be positive and less than Integer.MAX_VALUE");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Subscribes to the changes, then loads the list. When it cannot be loaded (the database is
     * down), the questions go to the repository until a reload succeeds.
     *
     * @throws IllegalStateException when started before
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the deny list copy is started already");
        }
        changes.subscribe(this::changed);
        try {
            reload();
        } catch (ServiceUnavailableException e) {
            LOG.warn("deny list not loaded: checking tokens against the database until a reload succeeds: cause={}",
                    e.toString());
        }
    }

    /**
     * Lists {@code tokenId} in the repository; once that commits, copies it and announces it to
     * every instance.
     */
    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        delegate.revoke(tokenId, expiresAt);
        // Nothing is copied or told of a revocation that rolls back: it leaves no trace (DESIGN.md).
        units.afterCommit(() -> {
            add(tokenId, expiresAt);
            changes.publish(announcement(tokenId));
        });
    }

    @Override
    public boolean isRevoked(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        if (!trusted()) {
            return delegate.isRevoked(tokenId);
        }
        return listed(tokenId, Instant.now(clock));
    }

    /** From memory, no round trip, while the copy is trusted; from the repository otherwise. */
    @Override
    public boolean isAnyRevoked(Set<String> tokenIds) {
        Objects.requireNonNull(tokenIds, "tokenIds");
        if (!trusted()) {
            return delegate.isAnyRevoked(tokenIds);
        }
        Instant now = Instant.now(clock);
        for (String tokenId : tokenIds) {
            if (listed(tokenId, now)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Instant> findExpiry(String tokenId) {
        return delegate.findExpiry(tokenId);
    }

    @Override
    public List<DenyListEntry> findUnexpired(Instant now, int limit) {
        return delegate.findUnexpired(now, limit);
    }

    @Override
    public int deleteExpired(Instant before, int limit) {
        return delegate.deleteExpired(before, limit);
    }

    /**
     * Loads every unexpired entry into the copy and drops the expired ones; afterwards the copy is
     * trusted if changes were heard throughout and none may have been missed meanwhile.
     *
     * @return how many entries the copy lacked (announcements it missed)
     * @throws ServiceUnavailableException when the repository cannot be read: the copy stays as it was
     */
    public int reload() {
        long gap;
        synchronized (state) {
            gap = gaps;
        }
        return load(gap, changes.listening());
    }

    private boolean trusted() {
        return complete && changes.listening();
    }

    private boolean listed(String tokenId, Instant now) {
        Instant expiresAt = entries.get(tokenId);
        if (expiresAt == null) {
            return false;
        }
        if (now.isBefore(expiresAt)) {
            return true;
        }
        entries.remove(tokenId, expiresAt);
        return false;
    }

    private void changed(Change change) {
        if (change.topic() == ChangeTopic.REVOKED_ACCESS_TOKENS) {
            change.key().ifPresentOrElse(this::learn, this::reloadAfterGap);
        }
    }

    /** Copies an entry another instance announced. */
    private void learn(String tokenId) {
        try {
            delegate.findExpiry(tokenId).ifPresent(expiresAt -> add(tokenId, expiresAt));
        } catch (RuntimeException e) {
            // Missing this entry could accept a revoked token: ask the repository until the next reload.
            markGap();
            throw e;
        }
    }

    private void reloadAfterGap() {
        long gap = markGap();
        // The notifier listens already when it delivers this, though it reports so only afterwards.
        load(gap, true);
    }

    private int load(long gap, boolean heard) {
        Instant now = Instant.now(clock);
        List<DenyListEntry> unexpired = delegate.findUnexpired(now, maxEntries + 1);
        if (unexpired.size() > maxEntries) {
            overflow();
            return 0;
        }
        entries.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
        int learned = 0;
        for (DenyListEntry entry : unexpired) {
            if (add(entry.tokenId(), entry.expiresAt())) {
                learned++;
            }
        }
        synchronized (state) {
            // Only a copy that was subscribed throughout hears what changed after the read.
            if (gap == gaps && heard && started.get()) {
                complete = true;
            }
        }
        if (complete && overflowing.compareAndSet(true, false)) {
            LOG.info("deny list back in memory: entries={}", entries.size());
        }
        return learned;
    }

    /** Copies an entry, keeping the later expiry; returns whether the copy lacked it. */
    private boolean add(String tokenId, Instant expiresAt) {
        Instant held = entries.putIfAbsent(tokenId, expiresAt);
        if (held == null) {
            if (entries.size() > maxEntries) {
                shrink();
            }
            return true;
        }
        if (expiresAt.isAfter(held)) {
            entries.merge(tokenId, expiresAt, (kept, given) -> given.isAfter(kept) ? given : kept);
        }
        return false;
    }

    private void shrink() {
        Instant now = Instant.now(clock);
        entries.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
        if (entries.size() > maxEntries) {
            overflow();
        }
    }

    /** Drops the copy, which would outgrow its bound: the repository answers until a reload fits. */
    private void overflow() {
        markGap();
        entries.clear();
        if (overflowing.compareAndSet(false, true)) {
            LOG.warn("the deny list has more than {} unexpired entries: checking tokens against the database"
                    + " until it is shorter", maxEntries);
        }
    }

    private long markGap() {
        synchronized (state) {
            complete = false;
            return ++gaps;
        }
    }

    /** The change that tells every instance of {@code tokenId}; one that no key can carry reloads them. */
    private static Change announcement(String tokenId) {
        return tokenId.isEmpty() || tokenId.length() > Change.MAX_KEY_LENGTH
                ? Change.anyOf(ChangeTopic.REVOKED_ACCESS_TOKENS)
                : Change.of(ChangeTopic.REVOKED_ACCESS_TOKENS, tokenId);
    }
}
