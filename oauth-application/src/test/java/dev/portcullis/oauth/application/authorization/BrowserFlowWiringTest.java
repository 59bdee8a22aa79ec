package dev.portcullis.oauth.application.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.server.AuthorizationServerBuilder;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrowserFlowWiringTest {

    private static AuthorizationServerBuilder base() {
        return AuthorizationServer.builder(ServerSettings.of(TestFlows.ISSUER))
                .clients(new InMemoryClientRepository())
                .scopes(new InMemoryScopeRepository())
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(new SecureRandom()))
                .clock(new MutableClock(TestFlows.NOW));
    }

    @Test
    void buildWhenCodeGrantServedWithoutIdentityBackendThenNullPointerNamingIt() {
        AuthorizationServerBuilder builder = base().grantHandler(new CodeGrant());

        NullPointerException thrown = assertThrows(NullPointerException.class, builder::build);

        assertEquals("identityBackend", thrown.getMessage());
    }

    @Test
    void browserFlowWhenCodeGrantNotServedThenEmpty() {
        AuthorizationServer server = base().build();

        assertTrue(server.browserFlow().isEmpty());
        assertEquals(java.util.List.of(), server.describeServer().metadata().get("response_types_supported"));
    }

    private static final class CodeGrant implements GrantHandler {
        @Override
        public GrantType grantType() {
            return GrantType.AUTHORIZATION_CODE;
        }

        @Override
        public Set<String> parameters() {
            return Set.of();
        }

        @Override
        public TokenResponse handle(GrantContext context) {
            throw new UnsupportedOperationException("not called");
        }
    }
}
