package dev.portcullis.oauth.adapters.rest;

import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * An {@link AuthorizationServer} on the in-memory repositories, with a fixed clock, the
 * client_credentials grant, {@link ExampleGrantHandler}, and the clients below.
 */
public final class TestAuthorizationServers {

    /** The issuer. */
    public static final String ISSUER = "https://as.example.com";

    /** The fixed "now" of every token. */
    public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** client_secret_basic; client_credentials and the example grant; scopes {@code read write}. */
    public static final String BASIC_CLIENT = "basic-client";
    /** The secret of {@link #BASIC_CLIENT}. */
    public static final String BASIC_SECRET = "basic-secret";
    /** client_secret_post; client_credentials; scope {@code read}. */
    public static final String POST_CLIENT = "post-client";
    /** The secret of {@link #POST_CLIENT}. */
    public static final String POST_SECRET = "post-secret";
    /** client_secret_basic with characters that must be form-url-encoded in the Basic header. */
    public static final String SPECIAL_CLIENT = "a:b c";
    /** The secret of {@link #SPECIAL_CLIENT}. */
    public static final String SPECIAL_SECRET = "p@ss:w\u00f6rd+1";
    /** client_secret_basic; authorization_code only. */
    public static final String CODE_CLIENT = "code-client";
    /** The secret of {@link #CODE_CLIENT}. */
    public static final String CODE_SECRET = "code-secret";

    private TestAuthorizationServers() {
    }

    /** A new server with the clients above, and the scopes {@code openid read write}. */
    public static AuthorizationServer create() {
        SecureRandom random = new SecureRandom();
        Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(random, 1000);
        InMemoryClientRepository clients = new InMemoryClientRepository();
        clients.save(TestClients.confidential(BASIC_CLIENT)
                .secret(hasher.hash(new ClientSecret(BASIC_SECRET)))
                .grantTypes(GrantType.CLIENT_CREDENTIALS, ExampleGrantHandler.GRANT_TYPE)
                .scopes(ScopeSet.of("read", "write"))
                .build());
        clients.save(TestClients.confidential(POST_CLIENT)
                .authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .secret(hasher.hash(new ClientSecret(POST_SECRET)))
                .grantTypes(GrantType.CLIENT_CREDENTIALS)
                .scopes(ScopeSet.of("read"))
                .build());
        clients.save(TestClients.confidential(SPECIAL_CLIENT)
                .secret(hasher.hash(new ClientSecret(SPECIAL_SECRET)))
                .grantTypes(GrantType.CLIENT_CREDENTIALS)
                .scopes(ScopeSet.of("read"))
                .build());
        clients.save(TestClients.confidential(CODE_CLIENT)
                .secret(hasher.hash(new ClientSecret(CODE_SECRET)))
                .grantTypes(GrantType.AUTHORIZATION_CODE)
                .build());
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        for (String scope : new String[] {"openid", "read", "write"}) {
            scopes.save(new ScopeDefinition(new Scope(scope), "The " + scope + " scope"));
        }
        return AuthorizationServer.builder(ServerSettings.of(URI.create(ISSUER)))
                .clients(clients)
                .scopes(scopes)
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(random)
                .secretHasher(hasher)
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .grantHandler(new ExampleGrantHandler())
                .build();
    }
}
