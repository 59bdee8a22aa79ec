package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.event.SignInAttempted;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenMetricsTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TokenMetrics metrics = new TokenMetrics(registry);

    @Test
    void publishWhenTokensIssuedThenCountedByGrantType() {
        metrics.publish(issued(GrantType.CLIENT_CREDENTIALS));
        metrics.publish(issued(GrantType.CLIENT_CREDENTIALS));
        metrics.publish(issued(GrantType.REFRESH_TOKEN));

        assertEquals(2.0, counter("client_credentials").count());
        assertEquals(1.0, counter("refresh_token").count());
    }

    @Test
    void publishWhenCustomGrantThenItsUriIsTheLabel() {
        metrics.publish(issued(new GrantType("urn:example:grant:echo")));

        assertEquals(1.0, counter("urn:example:grant:echo").count());
    }

    @Test
    void publishWhenOtherEventThenNoMeter() {
        metrics.publish(new SignInAttempted(AT, new ClientId("web"), Optional.empty(), false));

        assertEquals(0, registry.getMeters().size());
    }

    @Test
    void publishWhenSameGrantAgainThenSameMeterReused() {
        metrics.publish(issued(GrantType.CLIENT_CREDENTIALS));
        Counter first = counter("client_credentials");

        metrics.publish(issued(GrantType.CLIENT_CREDENTIALS));

        assertSame(first, counter("client_credentials"));
        assertEquals(1, registry.getMeters().size());
    }

    private Counter counter(String grantType) {
        return registry.get(TokenMetrics.TOKENS_ISSUED).tag("grant_type", grantType).counter();
    }

    private static TokenIssued issued(GrantType grantType) {
        return new TokenIssued(AT, new ClientId("billing"), "billing", grantType, ScopeSet.of("read"), "jti");
    }
}
