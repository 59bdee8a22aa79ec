package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.SealedSecret;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ClientRepository} adapter must show. Subclass it once per adapter and
 * implement {@link #emptyRepository()}.
 */
public abstract class ClientRepositoryContract {

    private ClientRepository repository;

    /** A repository holding no client; called before each test. */
    protected abstract ClientRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    /** A client with every optional field present and every collection holding several values. */
    static Client fullyPopulated(String id) {
        return TestClients.confidential(id)
                .name("Every field — ünïcödé, \"quoted\"")
                .authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .secret(new HashedSecret("$pbkdf2-sha256$i=600000$c2FsdA$aGFzaA"))
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS,
                        GrantType.DEVICE_CODE, new GrantType("https://grants.example.com/custom"))
                .responseTypes(Set.of("code", "code id_token", "none"))
                .scopes(ScopeSet.of("zeta", "openid", "alpha", "profile", "admin:all"))
                .redirectUris(List.of(URI.create("https://z.example.com/cb"), URI.create("https://a.example.com/cb?x=1&y=%20"),
                        URI.create("com.example.app:/oauth2redirect"), URI.create("http://127.0.0.1:8080/cb")))
                .postLogoutRedirectUris(List.of(URI.create("https://z.example.com/bye"), URI.create("https://a.example.com/bye")))
                .jwks("{\"keys\": [ {\"kty\":\"EC\", \"crv\":\"P-256\",\n  \"x\":\"f83O\", \"y\":\"x_FE\"} ]}")
                .accessTokenSigningAlgorithm(SigningAlgorithm.ES256)
                .idTokenSigningAlgorithm(SigningAlgorithm.PS256)
                .lifetimes(new TokenLifetimes(Duration.ofSeconds(123), Duration.ofDays(400), Duration.ofSeconds(600)))
                .firstParty(true)
                .pkcePlainAllowed(true)
                .authSigningAlgorithm(AssertionSigningAlgorithm.HS384)
                .sealedSecret(new SealedSecret("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA"))
                .build();
    }

    /** A public client with every optional field absent and every collection empty. */
    static Client minimal(String id) {
        return Client.builder(new ClientId(id)).authenticationMethod(ClientAuthenticationMethod.NONE).build();
    }

    @Test
    void findByIdWhenAbsentThenEmpty() {
        Optional<Client> found = repository.findById(new ClientId("unknown"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void saveWhenAllOptionalFieldsPresentThenEveryFieldRoundTrips() {
        Client client = fullyPopulated("full");

        repository.save(client);

        assertSameClient(client, repository.findById(client.id()).orElseThrow());
    }

    @Test
    void saveWhenAllOptionalFieldsAbsentThenEveryFieldRoundTrips() {
        Client client = minimal("minimal");

        repository.save(client);

        assertSameClient(client, repository.findById(client.id()).orElseThrow());
    }

    @Test
    void saveWhenJwksUriPresentThenRoundTrips() {
        Client client = TestClients.confidential("jwks-uri")
                .authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwksUri(URI.create("https://client.example.com/jwks.json"))
                .accessTokenSigningAlgorithm(SigningAlgorithm.EDDSA)
                .authSigningAlgorithm(AssertionSigningAlgorithm.PS384)
                .build();

        repository.save(client);

        assertSameClient(client, repository.findById(client.id()).orElseThrow());
    }

    @Test
    void saveWhenClientAsksForEdDsaAccessAndIdTokensThenBothRoundTrip() { // OIDC Registration §2, RFC 8037
        Client client = TestClients.confidential("eddsa")
                .accessTokenSigningAlgorithm(SigningAlgorithm.EDDSA)
                .idTokenSigningAlgorithm(SigningAlgorithm.EDDSA)
                .build();

        repository.save(client);

        Client found = repository.findById(client.id()).orElseThrow();
        assertSameClient(client, found);
        assertEquals(Optional.of(SigningAlgorithm.EDDSA), found.accessTokenSigningAlgorithm());
        assertEquals(Optional.of(SigningAlgorithm.EDDSA), found.idTokenSigningAlgorithm());
    }

    @Test
    void saveWhenDefaultsOfTestClientsThenRoundTrips() {
        Client confidential = TestClients.confidential().build();
        Client publicClient = TestClients.publicClient().build();

        repository.save(confidential);
        repository.save(publicClient);

        assertSameClient(confidential, repository.findById(confidential.id()).orElseThrow());
        assertSameClient(publicClient, repository.findById(publicClient.id()).orElseThrow());
    }

    @Test
    void saveWhenFirstPartyAndPkcePlainAllowedThenBothRoundTripTrue() {
        Client client = TestClients.publicClient("flags").firstParty(true).pkcePlainAllowed(true).build();

        repository.save(client);

        Client found = repository.findById(client.id()).orElseThrow();
        assertTrue(found.firstParty());
        assertTrue(found.pkcePlainAllowed());
    }

    @Test
    void saveWhenFlagsNotSetThenBothRoundTripFalse() {
        Client client = TestClients.publicClient("flags").build();

        repository.save(client);

        Client found = repository.findById(client.id()).orElseThrow();
        assertFalse(found.firstParty());
        assertFalse(found.pkcePlainAllowed());
    }

    @Test
    void saveWhenOnlyOneFlagSetThenEachRoundTripsOnItsOwn() {
        Client firstParty = TestClients.confidential("first-party").firstParty(true).build();
        Client plain = TestClients.publicClient("plain").pkcePlainAllowed(true).build();

        repository.save(firstParty);
        repository.save(plain);

        assertSameClient(firstParty, repository.findById(firstParty.id()).orElseThrow());
        assertSameClient(plain, repository.findById(plain.id()).orElseThrow());
    }

    @Test
    void saveWhenFlagsClearedOnReplaceThenStoredFalse() {
        repository.save(TestClients.publicClient("flags").firstParty(true).pkcePlainAllowed(true).build());
        Client replacement = TestClients.publicClient("flags").firstParty(false).pkcePlainAllowed(false).build();

        repository.save(replacement);

        assertSameClient(replacement, repository.findById(replacement.id()).orElseThrow());
    }

    @Test
    void saveWhenRefreshTokenIdleShorterThanAbsoluteThenBothRoundTrip() {
        TokenLifetimes lifetimes = new TokenLifetimes(Duration.ofSeconds(300), Duration.ofDays(90),
                Duration.ofSeconds(60), Duration.ofDays(7));
        Client client = TestClients.confidential("idle").lifetimes(lifetimes).build();

        repository.save(client);

        Client found = repository.findById(client.id()).orElseThrow();
        assertEquals(Duration.ofDays(90), found.lifetimes().refreshToken());
        assertEquals(Duration.ofDays(7), found.lifetimes().refreshTokenIdle());
        assertSameClient(client, found);
    }

    @Test
    void saveWhenRefreshTokenIdleChangedOnReplaceThenNewIdleStored() {
        repository.save(TestClients.confidential("idle").lifetimes(TokenLifetimes.DEFAULTS
                .withRefreshTokenIdle(Duration.ofDays(1))).build());
        Client replacement = TestClients.confidential("idle").lifetimes(TokenLifetimes.DEFAULTS).build();

        repository.save(replacement);

        Client found = repository.findById(replacement.id()).orElseThrow();
        assertEquals(TokenLifetimes.DEFAULTS.refreshToken(), found.lifetimes().refreshTokenIdle());
        assertSameClient(replacement, found);
    }

    @Test
    void saveWhenScopesNotSortedThenOrderPreserved() {
        Client client = TestClients.confidential("scopes").scopes(ScopeSet.of("c", "a", "b", "B", "_")).build();

        repository.save(client);

        assertEquals("c a b B _", repository.findById(client.id()).orElseThrow().scopes().toParameter());
    }

    @Test
    void saveWhenRedirectUrisNotSortedThenOrderPreserved() {
        List<URI> uris = List.of(URI.create("https://c.example.com/"), URI.create("https://a.example.com/"),
                URI.create("https://b.example.com/"));
        Client client = TestClients.confidential("uris").redirectUris(uris).postLogoutRedirectUris(uris).build();

        repository.save(client);

        Client found = repository.findById(client.id()).orElseThrow();
        assertEquals(uris, found.redirectUris());
        assertEquals(uris, found.postLogoutRedirectUris());
    }

    @Test
    void saveWhenIdExistsThenEveryFieldReplacedByFewerValues() {
        repository.save(fullyPopulated("same"));
        Client replacement = minimal("same");

        repository.save(replacement);

        assertSameClient(replacement, repository.findById(replacement.id()).orElseThrow());
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void saveWhenIdExistsThenEveryFieldReplacedByMoreValues() {
        repository.save(minimal("same"));
        Client replacement = fullyPopulated("same");

        repository.save(replacement);

        assertSameClient(replacement, repository.findById(replacement.id()).orElseThrow());
    }

    @Test
    void saveWhenIdExistsThenOrderOfReplacementKept() {
        repository.save(TestClients.confidential("same").scopes(ScopeSet.of("a", "b", "c"))
                .redirectUris(List.of(URI.create("https://a.example.com/"), URI.create("https://b.example.com/"))).build());
        Client replacement = TestClients.confidential("same").scopes(ScopeSet.of("c", "a"))
                .redirectUris(List.of(URI.create("https://b.example.com/"), URI.create("https://a.example.com/"),
                        URI.create("https://c.example.com/"))).build();

        repository.save(replacement);

        assertSameClient(replacement, repository.findById(replacement.id()).orElseThrow());
    }

    @Test
    void saveWhenSavedTwiceUnchangedThenOneClientStored() {
        Client client = fullyPopulated("twice");

        repository.save(client);
        repository.save(client);

        assertEquals(List.of(client.id()), repository.findAll().stream().map(Client::id).toList());
        assertSameClient(client, repository.findById(client.id()).orElseThrow());
    }

    @Test
    void findAllWhenEmptyThenEmptyList() {
        List<Client> all = repository.findAll();

        assertEquals(List.of(), all);
    }

    @Test
    void findAllWhenSeveralThenOrderedById() {
        List<String> ids = List.of("b", "B", "a", "_x", "a-1", "a1", "A b", "z");
        ids.forEach(id -> repository.save(TestClients.confidential(id).build()));

        List<String> found = repository.findAll().stream().map(client -> client.id().value()).toList();

        assertEquals(ids.stream().sorted().toList(), found);
    }

    @Test
    void findAllWhenSavedThenEveryFieldRoundTrips() {
        Client full = fullyPopulated("full");
        Client min = minimal("min");
        repository.save(min);
        repository.save(full);

        List<Client> all = repository.findAll();

        assertEquals(2, all.size());
        assertSameClient(full, all.get(0));
        assertSameClient(min, all.get(1));
    }

    @Test
    void findByIdWhenIdDiffersOnlyInCaseThenEmpty() {
        repository.save(TestClients.confidential("client").build());

        Optional<Client> found = repository.findById(new ClientId("CLIENT"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void deleteWhenPresentThenTrueAndGone() {
        Client client = fullyPopulated("gone");
        repository.save(client);

        boolean deleted = repository.delete(client.id());

        assertTrue(deleted);
        assertEquals(Optional.empty(), repository.findById(client.id()));
        assertEquals(List.of(), repository.findAll());
    }

    @Test
    void deleteWhenUnknownThenFalse() {
        repository.save(TestClients.confidential("kept").build());

        boolean deleted = repository.delete(new ClientId("unknown"));

        assertFalse(deleted);
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void deleteWhenDeletedTwiceThenSecondFalse() {
        Client client = TestClients.confidential("once").build();
        repository.save(client);
        repository.delete(client.id());

        boolean deleted = repository.delete(client.id());

        assertFalse(deleted);
    }

    @Test
    void saveWhenDeletedBeforeThenStoredAgain() {
        Client client = fullyPopulated("again");
        repository.save(client);
        repository.delete(client.id());

        repository.save(client);

        assertSameClient(client, repository.findById(client.id()).orElseThrow());
    }

    @Test
    void saveWhenSixteenThreadsSaveDistinctClientsThenEveryClientStored() {
        List<Client> found = Race.run(16, i -> {
            Client client = fullyPopulated("client-" + i);
            repository.save(client);
            return repository.findById(client.id()).orElseThrow();
        });

        IntStream.range(0, 16).forEach(i -> assertSameClient(fullyPopulated("client-" + i), found.get(i)));
        assertEquals(16, repository.findAll().size());
    }

    @Test
    void saveWhenSixteenThreadsReplaceOneClientThenOneWholeVersionStored() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                repository.save(variant(i));
                repository.findById(new ClientId("contended")).orElseThrow();
            }
            return i;
        });

        Client stored = repository.findById(new ClientId("contended")).orElseThrow();
        int winner = Integer.parseInt(stored.name().substring("variant ".length()));
        assertSameClient(variant(winner), stored);
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void deleteWhenSixteenThreadsSaveAndDeleteOneClientThenEveryCallSucceeds() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                if ((i + round) % 2 == 0) {
                    repository.save(variant(i));
                } else {
                    repository.delete(new ClientId("contended"));
                }
            }
            return i;
        });

        Optional<Client> stored = repository.findById(new ClientId("contended"));
        stored.ifPresent(client -> assertSameClient(
                variant(Integer.parseInt(client.name().substring("variant ".length()))), client));
    }

    /** Version {@code i} of one client; every collection says which version it belongs to. */
    private static Client variant(int i) {
        return TestClients.confidential("contended")
                .name("variant " + i)
                .scopes(ScopeSet.of("s" + i, "common", "t" + i))
                .redirectUris(IntStream.range(0, i % 4 + 1)
                        .mapToObj(n -> URI.create("https://v" + i + ".example.com/" + n)).toList())
                .responseTypes(Set.of("code", "type-" + i))
                .build();
    }

    /** Equal as records, and collections that are ordered in the model kept their order. */
    protected static void assertSameClient(Client expected, Client actual) {
        assertEquals(expected, actual);
        assertEquals(List.copyOf(expected.scopes().scopes()), List.copyOf(actual.scopes().scopes()), "scope order");
        assertEquals(expected.redirectUris(), actual.redirectUris(), "redirect_uris order");
        assertEquals(expected.postLogoutRedirectUris(), actual.postLogoutRedirectUris(), "post_logout_redirect_uris order");
        assertEquals(expected.secret().map(HashedSecret::encoded), actual.secret().map(HashedSecret::encoded), "secret");
    }

    @Test
    void saveWhenAccessTokenFormatOpaqueThenRoundTripsAndReplaceBackToJwt() {
        Client opaque = TestClients.confidential("format").accessTokenFormat(AccessTokenFormat.OPAQUE).build();
        repository.save(opaque);
        assertEquals(AccessTokenFormat.OPAQUE, repository.findById(opaque.id()).orElseThrow().accessTokenFormat());

        repository.save(TestClients.confidential("format").build());

        assertEquals(AccessTokenFormat.JWT, repository.findById(opaque.id()).orElseThrow().accessTokenFormat());
    }
}
