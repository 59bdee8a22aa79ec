package dev.portcullis.oauth.runtime.operations;

import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the access tokens issued, by grant type ({@code portcullis_tokens_issued_total}). The
 * counters are made once per grant type and then only looked up, without a lock. Thread-safe.
 */
public final class TokenMetrics implements EventPublisher {

    /** The meter name. */
    static final String TOKENS_ISSUED = "portcullis.tokens.issued";

    private final MeterRegistry registry;
    private final Map<GrantType, Counter> issued = new ConcurrentHashMap<>();

    /** @param registry where the counters go */
    public TokenMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void publish(OAuthEvent event) {
        if (event instanceof TokenIssued tokenIssued) {
            counter(tokenIssued.grantType()).increment();
        }
    }

    private Counter counter(GrantType grantType) {
        Counter counter = issued.get(grantType);
        // Grant types are the handlers registered at start: a small, fixed set of label values.
        return counter != null ? counter : issued.computeIfAbsent(grantType, type -> Counter.builder(TOKENS_ISSUED)
                .description("Access tokens issued, by grant type")
                .tag("grant_type", type.value())
                .register(registry));
    }
}
