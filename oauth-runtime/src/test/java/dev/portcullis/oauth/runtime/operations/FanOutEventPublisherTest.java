package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.SignInAttempted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FanOutEventPublisherTest {

    private static final OAuthEvent EVENT = new SignInAttempted(Instant.parse("2026-11-27T12:00:00Z"),
            new ClientId("web"), Optional.empty(), false);

    @Test
    void publishThenEveryListenerInOrder() {
        List<String> calls = new ArrayList<>();

        new FanOutEventPublisher(List.of(e -> calls.add("audit"), e -> calls.add("metrics"))).publish(EVENT);

        assertEquals(List.of("audit", "metrics"), calls);
    }

    @Test
    void publishWhenOneListenerThrowsThenOthersStillCalledAndNothingThrown() { // EventPublisher: must not throw
        List<OAuthEvent> received = new ArrayList<>();

        new FanOutEventPublisher(List.of(e -> {
            throw new IllegalStateException("expected by this test");
        }, received::add)).publish(EVENT);

        assertEquals(List.of(EVENT), received);
    }
}
