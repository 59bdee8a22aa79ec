package dev.portcullis.oauth.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    private static final ClientSecret SECRET = new ClientSecret("admin-secret-0123456789");

    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
    private final AdminAccess access = new AdminAccess(new ClientAuthenticator(clients, hasher,
            new SecretVerificationCache(new SecureRandom(), 10)));

    AdminAccessTest() {
        clients.save(TestClients.confidential("ops").scopes(ScopeSet.of("admin")).secret(hasher.hash(SECRET)).build());
        clients.save(TestClients.confidential("app").scopes(ScopeSet.of("read")).secret(hasher.hash(SECRET)).build());
    }

    @Test
    void authorizeWhenAdminClientThenItsId() {
        assertEquals(new ClientId("ops"), access.authorize(new ClientCredentials.SecretBasic(new ClientId("ops"), SECRET)));
    }

    @Test
    void authorizeWhenClientWithoutAdminScopeThenInsufficientScope() {
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> access.authorize(new ClientCredentials.SecretBasic(new ClientId("app"), SECRET)));

        assertEquals(AdminAccess.NOT_ADMIN, thrown.error());
    }

    @Test
    void authorizeWhenWrongSecretThenInvalidClient() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> access.authorize(
                new ClientCredentials.SecretBasic(new ClientId("ops"), new ClientSecret("wrong-secret-0123456"))));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
    }
}
