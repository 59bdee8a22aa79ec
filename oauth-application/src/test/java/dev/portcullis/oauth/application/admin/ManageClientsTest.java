package dev.portcullis.oauth.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.event.ClientChanged;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManageClientsTest {

    private static final ClientId ADMIN = new ClientId("ops");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
    private final ClientSecretCipher cipher = new ClientSecretCipher(MasterKey.generate(new SecureRandom()),
            new SecureRandom());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final List<OAuthEvent> events = new ArrayList<>();
    private final ManageClients manage = new ManageClients(clients, new RevokeTokens(refreshTokens, Optional.empty(),
            new GrantRevocation(Optional.of(refreshTokens), Optional.empty(), Optional.empty(),
                    Clock.fixed(NOW, ZoneOffset.UTC), new InMemoryUnitOfWork()), clients, TokenLifetimes.DEFAULTS), hasher,
            new SecureRandomTokenValueGenerator(new SecureRandom()),
            TokenLifetimes.DEFAULTS.withAccessToken(Duration.ofMinutes(7)), cipher, events::add, CLOCK);

    private static Map<String, Object> service(String id) {
        Map<String, Object> json = new HashMap<>();
        json.put("client_id", id);
        json.put("client_name", "Billing");
        json.put("grant_types", List.of("client_credentials"));
        json.put("scope", "billing:read");
        return json;
    }

    private ManageClients.Registered created(Map<String, Object> json) {
        return assertInstanceOf(ManageClients.Creation.Created.class, manage.create(ADMIN, json)).registered();
    }

    @Test
    void createWhenNoSecretGivenThenGenerated256BitsReturnedOnceAndStoredHashed() {
        ManageClients.Registered registered = created(service("billing"));

        ClientSecret secret = registered.issuedSecret().orElseThrow();
        assertEquals(43, secret.value().length());
        HashedSecret stored = clients.findById(new ClientId("billing")).orElseThrow().secret().orElseThrow();
        assertFalse(stored.encoded().contains(secret.value()));
        assertTrue(hasher.matches(secret, stored));
        assertEquals(Duration.ofMinutes(7), registered.client().lifetimes().accessToken(), "the server's default");
    }

    @Test
    void createRotateAndDeleteThenOneClientChangedEventEachNamingTheAdmin() {
        created(service("billing"));
        manage.rotateSecret(ADMIN, new ClientId("billing"));
        manage.delete(ADMIN, new ClientId("billing"));
        manage.delete(ADMIN, new ClientId("billing"));

        Instant now = CLOCK.instant();
        assertEquals(List.of(
                new ClientChanged(now, new ClientId("billing"), ClientChanged.Change.CREATED, ADMIN),
                new ClientChanged(now, new ClientId("billing"), ClientChanged.Change.SECRET_ROTATED, ADMIN),
                new ClientChanged(now, new ClientId("billing"), ClientChanged.Change.DELETED, ADMIN)), events);
    }

    @Test
    void createWhenSecretGivenThenStoredHashedAndNotEchoed() {
        Map<String, Object> json = service("billing");
        json.put("client_secret", "a-long-enough-secret-0123");

        ManageClients.Registered registered = created(json);

        assertEquals(Optional.empty(), registered.issuedSecret());
        assertTrue(hasher.matches(new ClientSecret("a-long-enough-secret-0123"),
                clients.findById(new ClientId("billing")).orElseThrow().secret().orElseThrow()));
    }

    @Test
    void createWhenClientSecretJwtThenSecretAlsoSealedForHmacChecks() { // RFC 7523 §3
        Map<String, Object> json = service("signer");
        json.put("token_endpoint_auth_method", "client_secret_jwt");

        ManageClients.Registered registered = created(json);

        Client stored = clients.findById(new ClientId("signer")).orElseThrow();
        ClientSecret issued = registered.issuedSecret().orElseThrow();
        assertEquals(issued, cipher.open(new ClientId("signer"), stored.sealedSecret().orElseThrow()));
        assertTrue(hasher.matches(issued, stored.secret().orElseThrow()));
    }

    @Test
    void createWhenClientSecretJwtWithShortSecretThenInvalidClientMetadata() { // RFC 7518 §3.2
        Map<String, Object> json = service("signer");
        json.put("token_endpoint_auth_method", "client_secret_jwt");
        json.put("client_secret", "only-twenty-characters");

        OAuthException thrown = assertThrows(OAuthException.class, () -> manage.create(ADMIN, json));

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, thrown.error().code());
    }

    @Test
    void rotateSecretWhenClientSecretJwtThenSealedSecretRotatedToo() {
        Map<String, Object> json = service("signer");
        json.put("token_endpoint_auth_method", "client_secret_jwt");
        created(json);

        ClientSecret rotated = manage.rotateSecret(ADMIN, new ClientId("signer")).orElseThrow();

        assertEquals(rotated, cipher.open(new ClientId("signer"),
                clients.findById(new ClientId("signer")).orElseThrow().sealedSecret().orElseThrow()));
    }

    @Test
    void createWhenNoClientIdThenGenerated() {
        Map<String, Object> json = service("x");
        json.remove("client_id");

        ManageClients.Registered registered = created(json);

        assertEquals(22, registered.client().id().value().length());
        assertTrue(clients.findById(registered.client().id()).isPresent());
    }

    @Test
    void createWhenClientIdTakenThenAlreadyExistsAndNothingChanged() {
        Client first = created(service("billing")).client();
        Map<String, Object> json = service("billing");
        json.put("client_name", "Impostor");

        ManageClients.Creation creation = manage.create(ADMIN, json);

        assertEquals(new ManageClients.Creation.AlreadyExists(new ClientId("billing")), creation);
        assertEquals(first, clients.findById(new ClientId("billing")).orElseThrow());
    }

    @Test
    void createWhenPublicClientThenNoSecret() {
        Map<String, Object> json = new HashMap<>();
        json.put("client_id", "cli");
        json.put("token_endpoint_auth_method", "none");
        json.put("grant_types", List.of("authorization_code"));
        json.put("redirect_uris", List.of("http://127.0.0.1/callback"));

        ManageClients.Registered registered = created(json);

        assertEquals(Optional.empty(), registered.issuedSecret());
        assertEquals(Optional.empty(), registered.client().secret());
    }

    @Test
    void createWhenMetadataInvalidThenNothingStored() {
        Map<String, Object> json = service("billing");
        json.put("grant_types", List.of("authorization_code"));

        OAuthException thrown = assertThrows(OAuthException.class, () -> manage.create(ADMIN, json));

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, thrown.error().code());
        assertEquals(Optional.empty(), clients.findById(new ClientId("billing")));
    }

    @Test
    void replaceWhenNoSecretSentThenStoredSecretKept() {
        ManageClients.Registered registered = created(service("billing"));
        Map<String, Object> json = service("billing");
        json.put("client_name", "Billing v2");

        ManageClients.Registered replaced = manage.replace(ADMIN, new ClientId("billing"), json).orElseThrow();

        assertEquals("Billing v2", replaced.client().name());
        assertEquals(Optional.empty(), replaced.issuedSecret());
        assertTrue(hasher.matches(registered.issuedSecret().orElseThrow(), replaced.client().secret().orElseThrow()));
    }

    @Test
    void replaceWhenUnknownThenEmpty() {
        assertEquals(Optional.empty(), manage.replace(ADMIN, new ClientId("nobody"), service("nobody")));
    }

    @Test
    void rotateSecretThenOldSecretNoLongerMatchesAndNewOneDoes() {
        ClientSecret old = created(service("billing")).issuedSecret().orElseThrow();

        ClientSecret rotated = manage.rotateSecret(ADMIN, new ClientId("billing")).orElseThrow();

        HashedSecret stored = clients.findById(new ClientId("billing")).orElseThrow().secret().orElseThrow();
        assertTrue(hasher.matches(rotated, stored));
        assertFalse(hasher.matches(old, stored));
    }

    @Test
    void rotateSecretWhenPublicClientThenInvalidRequest() {
        Map<String, Object> json = new HashMap<>();
        json.put("client_id", "cli");
        json.put("token_endpoint_auth_method", "none");
        created(json);

        OAuthException thrown = assertThrows(OAuthException.class, () -> manage.rotateSecret(ADMIN, new ClientId("cli")));

        assertEquals(StandardErrorCode.INVALID_REQUEST, thrown.error().code());
    }

    @Test
    void deleteThenGoneAndItsRefreshTokensRevoked() {
        created(service("billing"));
        refreshTokens.save(new RefreshToken(TokenHash.of("rt"), "g", new ClientId("billing"), new Subject("u"),
                ScopeSet.EMPTY, NOW, NOW, NOW.plusSeconds(60), false));

        assertTrue(manage.delete(ADMIN, new ClientId("billing")));

        assertEquals(Optional.empty(), clients.findById(new ClientId("billing")));
        assertTrue(refreshTokens.findByHash(TokenHash.of("rt")).orElseThrow().revoked());
        assertFalse(manage.delete(ADMIN, new ClientId("billing")));
    }
}
