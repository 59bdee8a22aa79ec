package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Client registrations with safe defaults for tests. Each method returns a {@link ClientBuilder}
 * so that a test changes only what it is about, then calls {@code build()}.
 */
public final class TestClients {

    /** The stored secret of every confidential test client: a fixed string, not a real hash. */
    public static final HashedSecret SECRET = new HashedSecret("$test$not-a-real-hash$c2VjcmV0");

    /** The one redirect URI of the test clients. */
    public static final URI REDIRECT_URI = URI.create("https://client.example.com/callback");

    private TestClients() {
    }

    /** {@link #confidential(String)} with the id {@code confidential-client}. */
    public static ClientBuilder confidential() {
        return confidential("confidential-client");
    }

    /**
     * A confidential client: {@code client_secret_basic} with {@link #SECRET}, the grants
     * authorization_code, refresh_token and client_credentials, response type {@code code},
     * scopes {@code openid read}, and {@link #REDIRECT_URI}.
     */
    public static ClientBuilder confidential(String id) {
        return Client.builder(new ClientId(id))
                .name("Confidential test client")
                .authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .secret(SECRET)
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS)
                .responseTypes(Set.of("code"))
                .scopes(ScopeSet.of("openid", "read"))
                .redirectUris(List.of(REDIRECT_URI));
    }

    /** {@link #publicClient(String)} with the id {@code public-client}. */
    public static ClientBuilder publicClient() {
        return publicClient("public-client");
    }

    /**
     * A public client (RFC 6749 §2.1): method {@code none}, the grants authorization_code and
     * refresh_token, response type {@code code}, scopes {@code openid read}, and {@link #REDIRECT_URI}.
     */
    public static ClientBuilder publicClient(String id) {
        return Client.builder(new ClientId(id))
                .name("Public test client")
                .authenticationMethod(ClientAuthenticationMethod.NONE)
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)
                .responseTypes(Set.of("code"))
                .scopes(ScopeSet.of("openid", "read"))
                .redirectUris(List.of(REDIRECT_URI));
    }
}
