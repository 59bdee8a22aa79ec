package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ResourceServerRepository} adapter must show. Subclass it once per
 * adapter and implement {@link #emptyRepository()}. Identifiers match exactly, as strings.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
public abstract class ResourceServerRepositoryContract {

    private static final URI ORDERS = URI.create("https://api.example.com/orders");

    private ResourceServerRepository repository;

    /** A repository holding no resource; called before each test. */
    protected abstract ResourceServerRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    private static ResourceServer resource(URI identifier, String scopes, String... introspectors) {
        return new ResourceServer(identifier, ScopeSet.parse(scopes).orElseThrow(),
                Arrays.stream(introspectors).map(ClientId::new).collect(Collectors.toSet()));
    }

    @Test
    void findByIdentifierWhenAbsentThenEmpty() {
        Optional<ResourceServer> found = repository.findByIdentifier(ORDERS);

        assertEquals(Optional.empty(), found);
    }

    @Test
    void saveWhenNewThenFindByIdentifierReturnsIt() {
        ResourceServer orders = resource(ORDERS, "orders:read orders:write", "orders-api", "gateway");

        repository.save(orders);

        assertEquals(Optional.of(orders), repository.findByIdentifier(ORDERS));
    }

    @Test
    void saveWhenNoIntrospectorsThenRoundTrips() {
        ResourceServer orders = resource(ORDERS, "orders:read");

        repository.save(orders);

        assertEquals(Optional.of(orders), repository.findByIdentifier(ORDERS));
    }

    @Test
    void saveWhenExistingThenReplacesScopesAndIntrospectors() {
        repository.save(resource(ORDERS, "orders:read orders:write", "orders-api"));
        ResourceServer changed = resource(ORDERS, "orders:admin", "gateway");

        repository.save(changed);

        assertEquals(Optional.of(changed), repository.findByIdentifier(ORDERS));
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void findByIdentifierWhenOnlyATrailingSlashDiffersThenEmpty() { // RFC 8707 §2: compared exactly
        repository.save(resource(ORDERS, "orders:read"));

        Optional<ResourceServer> found = repository.findByIdentifier(URI.create(ORDERS + "/"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void findByIdentifierWhenCaseDiffersThenEmpty() {
        repository.save(resource(ORDERS, "orders:read"));

        Optional<ResourceServer> found = repository.findByIdentifier(URI.create("https://api.example.com/Orders"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void saveWhenLongestIdentifierThenRoundTrips() {
        String prefix = "https://api.example.com/";
        URI longest = URI.create(prefix + "a".repeat(ResourceServer.MAX_IDENTIFIER_LENGTH - prefix.length()));
        ResourceServer resource = resource(longest, "orders:read");

        repository.save(resource);

        assertEquals(Optional.of(resource), repository.findByIdentifier(longest));
    }

    @Test
    void findAllWhenSeveralThenOrderedByIdentifier() {
        ResourceServer payments = resource(URI.create("https://api.example.com/payments"), "payments:read");
        ResourceServer orders = resource(ORDERS, "orders:read");
        ResourceServer urn = resource(URI.create("urn:example:inventory"), "inventory:read");
        repository.save(payments);
        repository.save(urn);
        repository.save(orders);

        List<ResourceServer> all = repository.findAll();

        assertEquals(List.of(orders, payments, urn), all);
    }

    @Test
    void findAllWhenEmptyThenEmptyList() {
        assertEquals(List.of(), repository.findAll());
    }

    @Test
    void deleteWhenPresentThenGoneAndTrue() {
        repository.save(resource(ORDERS, "orders:read", "orders-api"));

        boolean deleted = repository.delete(ORDERS);

        assertTrue(deleted);
        assertEquals(Optional.empty(), repository.findByIdentifier(ORDERS));
        assertEquals(List.of(), repository.findAll());
    }

    @Test
    void deleteWhenAbsentThenFalse() {
        boolean deleted = repository.delete(ORDERS);

        assertFalse(deleted);
    }

    @Test
    void deleteThenSaveAgainThenRoundTrips() {
        repository.save(resource(ORDERS, "orders:read", "orders-api"));
        repository.delete(ORDERS);
        ResourceServer again = resource(ORDERS, "orders:write", "gateway");

        repository.save(again);

        assertEquals(Optional.of(again), repository.findByIdentifier(ORDERS));
    }
}
