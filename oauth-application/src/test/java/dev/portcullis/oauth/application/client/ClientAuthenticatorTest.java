package dev.portcullis.oauth.application.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.port.SecretHasher;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {

    private static final OAuthError INVALID_CLIENT =
            new OAuthError(StandardErrorCode.INVALID_CLIENT, "Client authentication failed.");
    private static final ClientId BASIC = new ClientId("basic-client");
    private static final ClientId POST = new ClientId("post-client");
    private static final ClientId PUBLIC = new ClientId("public-client");
    private static final ClientSecret SECRET = new ClientSecret("s3cret-value");

    private final CountingSecretHasher hasher =
            new CountingSecretHasher(new Pbkdf2SecretHasher(new SecureRandom(), 1000));
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final ClientAuthenticator authenticator =
            new ClientAuthenticator(clients, hasher, new SecretVerificationCache(new SecureRandom(), 100));

    @BeforeEach
    void registerClients() {
        HashedSecret stored = hasher.hash(SECRET);
        clients.save(TestClients.confidential(BASIC.value()).secret(stored).build());
        clients.save(TestClients.confidential(POST.value())
                .authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST).secret(stored).build());
        clients.save(TestClients.publicClient(PUBLIC.value()).build());
    }

    @Test
    void authenticateWhenBasicWithRightSecretThenClientWithBasic() { // RFC 6749 §2.3.1
        AuthenticatedClient client = authenticator.authenticate(new ClientCredentials.SecretBasic(BASIC, SECRET));

        assertEquals(BASIC, client.registration().id());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, client.method());
    }

    @Test
    void authenticateWhenPostWithRightSecretThenClientWithPost() { // RFC 6749 §2.3.1
        AuthenticatedClient client = authenticator.authenticate(new ClientCredentials.SecretPost(POST, SECRET));

        assertEquals(POST, client.registration().id());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_POST, client.method());
    }

    @Test
    void authenticateWhenPublicClientIdentifiesItselfThenClientWithNone() { // RFC 6749 §3.2.1
        AuthenticatedClient client = authenticator.authenticate(new ClientCredentials.PublicClient(PUBLIC));

        assertEquals(PUBLIC, client.registration().id());
        assertEquals(ClientAuthenticationMethod.NONE, client.method());
    }

    @Test
    void authenticateWhenUnknownClientThenInvalidClient() { // RFC 6749 §5.2
        ClientCredentials credentials = new ClientCredentials.SecretBasic(new ClientId("nobody"), SECRET);

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(credentials));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void authenticateWhenWrongSecretThenInvalidClient() { // RFC 6749 §5.2
        ClientCredentials credentials = new ClientCredentials.SecretBasic(BASIC, new ClientSecret("wrong"));

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(credentials));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void authenticateWhenPostUsedByBasicClientThenInvalidClient() { // OAuth 2.1 §2.4: only the registered method
        ClientCredentials credentials = new ClientCredentials.SecretPost(BASIC, SECRET);

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(credentials));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void authenticateWhenConfidentialClientPresentsNoSecretThenInvalidClient() { // RFC 6749 §3.2.1
        ClientCredentials credentials = new ClientCredentials.PublicClient(BASIC);

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(credentials));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void authenticateWhenPublicClientPresentsSecretThenInvalidClient() {
        ClientCredentials credentials = new ClientCredentials.SecretBasic(PUBLIC, SECRET);

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(credentials));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void authenticateWhenRefusedThenInternalDetailNamesReasonNotSecret() {
        ClientCredentials credentials = new ClientCredentials.SecretBasic(BASIC, new ClientSecret("wrong-secret"));

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(credentials));

        assertEquals("wrong client_secret for client basic-client", thrown.getMessage());
    }

    @Test
    void authenticateWhenSameSecretTwiceThenSlowHashRunsOnce() {
        ClientCredentials credentials = new ClientCredentials.SecretBasic(BASIC, SECRET);
        authenticator.authenticate(credentials);

        authenticator.authenticate(credentials);

        assertEquals(1, hasher.matchesCalls.get());
    }

    @Test
    void authenticateWhenWrongSecretAfterSuccessThenInvalidClient() {
        authenticator.authenticate(new ClientCredentials.SecretBasic(BASIC, SECRET));
        ClientCredentials wrong = new ClientCredentials.SecretBasic(BASIC, new ClientSecret("wrong"));

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(wrong));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void authenticateWhenSecretRotatedAfterSuccessThenOldSecretRefused() {
        authenticator.authenticate(new ClientCredentials.SecretBasic(BASIC, SECRET));
        clients.save(clients.findById(BASIC).orElseThrow().toBuilder()
                .secret(hasher.hash(new ClientSecret("rotated-secret"))).build());
        ClientCredentials old = new ClientCredentials.SecretBasic(BASIC, SECRET);

        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticator.authenticate(old));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    /** Delegates to a real hasher and counts the slow checks. */
    private static final class CountingSecretHasher implements SecretHasher {

        private final SecretHasher delegate;
        private final AtomicInteger matchesCalls = new AtomicInteger();

        CountingSecretHasher(SecretHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public HashedSecret hash(ClientSecret secret) {
            return delegate.hash(secret);
        }

        @Override
        public boolean matches(ClientSecret presented, HashedSecret stored) {
            matchesCalls.incrementAndGet();
            return delegate.matches(presented, stored);
        }
    }
}
