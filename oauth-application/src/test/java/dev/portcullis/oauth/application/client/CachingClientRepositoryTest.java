package dev.portcullis.oauth.application.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingClientRepositoryTest {

    private static final ClientId ID = new ClientId("cached");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final CountingRepository delegate = new CountingRepository();
    private final CachingClientRepository cache = new CachingClientRepository(delegate, clock, Duration.ofSeconds(5), 2);

    @Test
    void findByIdWhenReadTwiceWithinTtlThenDelegateReadOnce() {
        delegate.save(TestClients.confidential(ID.value()).build());

        cache.findById(ID);
        Optional<Client> second = cache.findById(ID);

        assertTrue(second.isPresent());
        assertEquals(1, delegate.reads.get());
    }

    @Test
    void findByIdWhenTtlPassedThenDelegateReadAgain() {
        delegate.save(TestClients.confidential(ID.value()).build());
        cache.findById(ID);

        clock.advance(Duration.ofSeconds(5));
        cache.findById(ID);

        assertEquals(2, delegate.reads.get());
    }

    @Test
    void findByIdWhenUnknownThenAbsenceIsCachedToo() {
        cache.findById(ID);
        Optional<Client> second = cache.findById(ID);

        assertEquals(Optional.empty(), second);
        assertEquals(1, delegate.reads.get());
    }

    @Test
    void saveWhenThroughCacheThenNextReadSeesTheChange() {
        cache.save(TestClients.confidential(ID.value()).scopes(ScopeSet.of("a")).build());
        cache.findById(ID);

        cache.save(TestClients.confidential(ID.value()).scopes(ScopeSet.of("b")).build());

        assertEquals(ScopeSet.of("b"), cache.findById(ID).orElseThrow().scopes());
    }

    @Test
    void deleteWhenThroughCacheThenNextReadSeesItGone() {
        cache.save(TestClients.confidential(ID.value()).build());
        cache.findById(ID);

        cache.delete(ID);

        assertEquals(Optional.empty(), cache.findById(ID));
    }

    @Test
    void findByIdWhenCacheFullThenItEmptiesAndStaysBounded() {
        cache.findById(new ClientId("a"));
        cache.findById(new ClientId("b"));

        cache.findById(new ClientId("c"));
        cache.findById(new ClientId("a"));

        assertEquals(4, delegate.reads.get());
    }

    /** An in-memory repository that counts reads. */
    private static final class CountingRepository implements ClientRepository {
        final AtomicInteger reads = new AtomicInteger();
        private final InMemoryClientRepository repository = new InMemoryClientRepository();

        @Override
        public Optional<Client> findById(ClientId id) {
            reads.incrementAndGet();
            return repository.findById(id);
        }

        @Override
        public List<Client> findAll() {
            return repository.findAll();
        }

        @Override
        public void save(Client client) {
            repository.save(client);
        }

        @Override
        public boolean delete(ClientId id) {
            return repository.delete(id);
        }
    }
}
