package dev.portcullis.oauth.runtime.config;

import dev.portcullis.oauth.adapters.persistence.database.DatabaseResilience;
import dev.portcullis.oauth.adapters.rest.limit.RateLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server stays responsive when the database or its callers misbehave (issue #6).
 *
 * @param database          the query timeout and the circuit breaker around the database
 * @param connectionTimeout the longest a request waits for a pooled connection
 * @param tokenPerClient    the token requests allowed per {@code client_id}; empty when off
 * @param loginPerUsername  the submitted login forms allowed per username
 * @param loginPerAddress   the submitted login forms allowed per client address
 */
public record ResilienceSettings(DatabaseResilience database, Duration connectionTimeout,
                                 Optional<RateLimit> tokenPerClient, RateLimit loginPerUsername,
                                 RateLimit loginPerAddress) {

    /** Five-second connection waits; 5,000 token requests per second per client; 30 and 600 logins a minute. */
    public static final ResilienceSettings DEFAULTS = new ResilienceSettings(DatabaseResilience.DEFAULTS,
            Duration.ofSeconds(5), Optional.of(RateLimit.perSecond(5_000)), RateLimit.perMinute(30),
            RateLimit.perMinute(600));

    public ResilienceSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(tokenPerClient, "tokenPerClient");
        Objects.requireNonNull(loginPerUsername, "loginPerUsername");
        Objects.requireNonNull(loginPerAddress, "loginPerAddress");
    }
}
