package dev.portcullis.oauth.application.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.portcullis.oauth.application.client.CachingClientRepository;
import dev.portcullis.oauth.application.client.NotifyingClientRepository;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.NotifyingSigningKeyRepository;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.key.TestKeyRings;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.memory.LocalChangeNotifier;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two "instances" sharing one store: writes announced through a {@link LocalChangeNotifier} make
 * the other instance's caches drop what they hold, long before the cache's time to live.
 */
class CacheEvictionTest {

    private static final ClientId ID = new ClientId("shared");

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final LocalChangeNotifier changes = new LocalChangeNotifier();
    private final InMemoryClientRepository store = new InMemoryClientRepository();
    private final CachingClientRepository otherInstance =
            new CachingClientRepository(store, clock, Duration.ofHours(1), 100);
    private final InMemorySigningKeyRepository keys = new InMemorySigningKeyRepository();
    private final SigningKeyRing otherRing = TestKeyRings.ring(keys);

    CacheEvictionTest() {
        changes.subscribe(new CacheEviction(otherInstance, otherRing));
    }

    @Test
    void changedWhenClientWrittenElsewhereThenOtherInstanceSeesItAtOnce() {
        NotifyingClientRepository writer = new NotifyingClientRepository(store, changes);
        writer.save(TestClients.confidential(ID.value()).scopes(ScopeSet.of("a")).build());
        otherInstance.findById(ID);

        writer.save(TestClients.confidential(ID.value()).scopes(ScopeSet.of("b")).build());

        assertEquals(ScopeSet.of("b"), otherInstance.findById(ID).orElseThrow().scopes());
    }

    @Test
    void changedWhenClientDeletedElsewhereThenOtherInstanceForgetsIt() {
        NotifyingClientRepository writer = new NotifyingClientRepository(store, changes);
        writer.save(TestClients.confidential(ID.value()).build());
        otherInstance.findById(ID);

        writer.delete(ID);

        assertEquals(Optional.empty(), otherInstance.findById(ID));
    }

    @Test
    void changedWhenAnyClientMayHaveChangedThenEveryEntryDropped() {
        store.save(TestClients.confidential("one").scopes(ScopeSet.of("a")).build());
        store.save(TestClients.confidential("two").scopes(ScopeSet.of("a")).build());
        otherInstance.findById(new ClientId("one"));
        otherInstance.findById(new ClientId("two"));
        store.save(TestClients.confidential("one").scopes(ScopeSet.of("b")).build());
        store.save(TestClients.confidential("two").scopes(ScopeSet.of("b")).build());

        changes.publish(Change.anyOf(ChangeTopic.CLIENTS));

        List<ScopeSet> seen = new ArrayList<>();
        for (String id : List.of("one", "two")) {
            seen.add(otherInstance.findById(new ClientId(id)).map(Client::scopes).orElseThrow());
        }
        assertEquals(List.of(ScopeSet.of("b"), ScopeSet.of("b")), seen);
    }

    @Test
    void changedWhenClientIdIsNotAValidIdThenEveryEntryDropped() {
        store.save(TestClients.confidential(ID.value()).scopes(ScopeSet.of("a")).build());
        otherInstance.findById(ID);
        store.save(TestClients.confidential(ID.value()).scopes(ScopeSet.of("b")).build());

        changes.publish(Change.of(ChangeTopic.CLIENTS, " not valid "));

        assertEquals(ScopeSet.of("b"), otherInstance.findById(ID).orElseThrow().scopes());
    }

    @Test
    void changedWhenKeyAddedElsewhereThenOtherRingPublishesIt() {
        SigningKeyRing writerRing = TestKeyRings.ring(new NotifyingSigningKeyRepository(keys, changes));
        otherRing.reload();
        Map<String, Object> before = otherRing.publicJwks();

        writerRing.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));

        assertNotEquals(before, otherRing.publicJwks());
        assertEquals(writerRing.publicJwks(), otherRing.publicJwks());
    }

    @Test
    void publishWhenOneListenerFailsThenLaterListenersStillHear() {
        List<Change> heard = new ArrayList<>();
        LocalChangeNotifier notifier = new LocalChangeNotifier();
        notifier.subscribe(change -> {
            throw new IllegalStateException("listener broken");
        });
        notifier.subscribe(heard::add);

        notifier.publish(Change.of(ChangeTopic.SIGNING_KEYS, "kid-1"));

        assertEquals(List.of(Change.of(ChangeTopic.SIGNING_KEYS, "kid-1")), heard);
    }
}
