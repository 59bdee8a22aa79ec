package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link AuthorizationCodeRepository} held in memory and lost when the process ends.
 * Thread-safe: {@link #redeem} decides inside one atomic {@link ConcurrentMap#computeIfPresent}
 * on the code's entry, so of any number of concurrent redemptions exactly one succeeds.
 * A code once redeemed stays {@link Redemption.AlreadyRedeemed} after it expires, until
 * {@link #deleteExpired} removes it, so that a late replay still revokes what it produced.
 */
public final class InMemoryAuthorizationCodeRepository implements AuthorizationCodeRepository {

    private static final Redemption UNKNOWN = new Redemption.Unknown();

    private final ConcurrentMap<String, Entry> codes = new ConcurrentHashMap<>();

    @Override
    public void save(AuthorizationCode code) {
        Objects.requireNonNull(code, "code");
        if (codes.putIfAbsent(code.codeHash(), Entry.issued(code)) != null) {
            throw new IllegalStateException("an authorization code with this hash exists");
        }
    }

    @Override
    public Redemption redeem(String codeHash, Instant now) {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(now, "now");
        AtomicReference<Redemption> outcome = new AtomicReference<>(UNKNOWN);
        codes.computeIfPresent(codeHash, (hash, entry) -> {
            if (entry.redeemed()) {
                // RFC 6749 §4.1.2: used before, so the caller refuses and revokes.
                outcome.set(new Redemption.AlreadyRedeemed(entry.code(), entry.accessTokenId(), entry.accessTokenExpiresAt()));
                return entry;
            }
            if (entry.code().isExpiredAt(now)) {
                return entry;
            }
            outcome.set(new Redemption.Redeemed(entry.code()));
            return entry.redeemedAt();
        });
        return outcome.get();
    }

    /** Records the token on the code's entry; an unknown (or already deleted) code is ignored. */
    @Override
    public void recordAccessToken(String codeHash, String accessTokenId, Instant accessTokenExpiresAt) {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(accessTokenId, "accessTokenId");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        codes.computeIfPresent(codeHash, (hash, entry) -> entry.withAccessToken(accessTokenId, accessTokenExpiresAt));
    }

    /** Removes codes whose expiry is strictly before {@code before}, earliest first, redeemed or not. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        return ExpiredEntries.delete(codes, entry -> entry.code().expiresAt(), before, limit);
    }

    /** A stored code and what happened to it since. */
    private record Entry(AuthorizationCode code, boolean redeemed, Optional<String> accessTokenId,
                         Optional<Instant> accessTokenExpiresAt) {

        static Entry issued(AuthorizationCode code) {
            return new Entry(code, false, Optional.empty(), Optional.empty());
        }

        Entry redeemedAt() {
            return new Entry(code, true, accessTokenId, accessTokenExpiresAt);
        }

        Entry withAccessToken(String id, Instant expiresAt) {
            return new Entry(code, redeemed, Optional.of(id), Optional.of(expiresAt));
        }
    }
}
