package dev.portcullis.oauth.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.memory.InMemoryResourceServerRepository;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceIndicatorsTest {

    private static final String DEFAULT = "https://as.example.com";
    private static final URI ORDERS = URI.create("https://api.example.com/orders");
    private static final URI PAYMENTS = URI.create("https://api.example.com/payments");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryResourceServerRepository repository = new InMemoryResourceServerRepository();
    private final ResourceIndicators indicators = new ResourceIndicators(repository, DEFAULT, clock);

    ResourceIndicatorsTest() {
        repository.save(new ResourceServer(PAYMENTS, ScopeSet.of("payments:read"), Set.of()));
        repository.save(new ResourceServer(ORDERS, ScopeSet.of("orders:read", "orders:write"), Set.of()));
    }

    private static void assertInvalidTarget(String description, Runnable call) {
        OAuthException thrown = assertThrows(OAuthException.class, call::run);
        assertEquals(StandardErrorCode.INVALID_TARGET, thrown.error().code());
        assertEquals(description, thrown.error().description());
    }

    @Test
    void audienceWhenNoResourceReachedThenDefaultAudience() { // RFC 9068 §3
        assertEquals(List.of(DEFAULT), indicators.audience(ScopeSet.of("openid"), Optional.empty()));
        assertEquals(List.of(DEFAULT), indicators.audience(ScopeSet.EMPTY, Optional.empty()));
    }

    @Test
    void audienceWhenScopesOfTwoResourcesThenBothOrderedByIdentifier() { // RFC 9068 §3
        List<String> audience = indicators.audience(ScopeSet.of("payments:read", "orders:write"), Optional.empty());

        assertEquals(List.of(ORDERS.toString(), PAYMENTS.toString()), audience);
    }

    @Test
    void audienceWhenResourceRequestedAndReachedThenOnlyIt() { // RFC 8707 §2
        List<String> audience = indicators.audience(ScopeSet.of("payments:read", "orders:write"), Optional.of(ORDERS));

        assertEquals(List.of(ORDERS.toString()), audience);
    }

    @Test
    void audienceWhenResourceRequestedButNotReachedThenInvalidTarget() { // RFC 8707 §2
        assertInvalidTarget("The granted scope does not include any scope of the resource.",
                () -> indicators.audience(ScopeSet.of("payments:read"), Optional.of(ORDERS)));
    }

    @Test
    void audienceWhenUnknownResourceRequestedThenInvalidTarget() { // RFC 8707 §2
        assertInvalidTarget("The resource is unknown.", () -> indicators.audience(ScopeSet.of("orders:read"),
                Optional.of(URI.create("https://api.example.com/other"))));
    }

    @Test
    void requireKnownWhenTrailingSlashDiffersThenInvalidTarget() { // compared exactly
        assertInvalidTarget("The resource is unknown.", () -> indicators.requireKnown(URI.create(ORDERS + "/")));
    }

    @Test
    void parseWhenRelativeThenInvalidTarget() { // RFC 8707 §2: absolute URI
        assertInvalidTarget(ResourceIndicators.MALFORMED, () -> ResourceIndicators.parse("/orders"));
    }

    @Test
    void parseWhenFragmentThenInvalidTarget() { // RFC 8707 §2: MUST NOT include a fragment
        assertInvalidTarget(ResourceIndicators.MALFORMED, () -> ResourceIndicators.parse("https://api.example.com/a#b"));
    }

    @Test
    void parseWhenNotAUriThenInvalidTarget() {
        assertInvalidTarget(ResourceIndicators.MALFORMED, () -> ResourceIndicators.parse("https://exa mple.com/"));
    }

    @Test
    void parseWhenAbsoluteWithQueryThenAccepted() { // RFC 8707 §2: a query is allowed, though discouraged
        assertEquals(URI.create("https://api.example.com/a?x=1"), ResourceIndicators.parse("https://api.example.com/a?x=1"));
    }

    @Test
    void currentWhenRepositoryChangesThenSeenOnlyAfterTheCacheTtl() {
        indicators.current();
        repository.delete(ORDERS);

        assertEquals(2, indicators.current().size());
        clock.advance(ResourceIndicators.CACHE_TTL.minus(Duration.ofMillis(1)));
        assertEquals(2, indicators.current().size());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, indicators.current().size());
    }

    @Test
    void audienceWhenResourcesChangeThenSameScopeReachesTheNewOnesAfterTheCacheTtl() {
        ScopeSet granted = ScopeSet.of("orders:read");
        assertEquals(List.of(ORDERS.toString()), indicators.audience(granted, Optional.empty()));
        repository.delete(ORDERS);

        assertEquals(List.of(ORDERS.toString()), indicators.audience(granted, Optional.empty()));
        clock.advance(ResourceIndicators.CACHE_TTL);
        assertEquals(List.of(DEFAULT), indicators.audience(granted, Optional.empty()));
    }
}
