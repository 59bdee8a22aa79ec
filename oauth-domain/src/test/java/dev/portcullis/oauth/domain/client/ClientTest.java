package dev.portcullis.oauth.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTest {

    private static final HashedSecret SECRET = new HashedSecret("$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA");
    private static final String JWKS = "{\"keys\":[]}";

    private static ClientBuilder confidential() {
        return Client.builder(new ClientId("client-1")).secret(SECRET);
    }

    @ParameterizedTest
    @EnumSource(value = ClientAuthenticationMethod.class, names = {"CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "CLIENT_SECRET_JWT"})
    void buildWhenSecretMethodWithoutSecretThenIllegalArgument(ClientAuthenticationMethod method) {
        ClientBuilder builder = Client.builder(new ClientId("client-1")).authenticationMethod(method);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("token_endpoint_auth_method " + method.value() + " needs a client_secret", thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = ClientAuthenticationMethod.class, names = {"CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST", "CLIENT_SECRET_JWT"})
    void buildWhenSecretMethodWithSecretThenBuilt(ClientAuthenticationMethod method) {
        ClientBuilder builder = confidential().authenticationMethod(method);

        Client client = builder.build();

        assertEquals(Optional.of(SECRET), client.secret());
    }

    @Test
    void constructorWhenNoneWithSecretThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new Client(new ClientId("client-1"), "name", ClientAuthenticationMethod.NONE, Optional.of(SECRET),
                        Set.of(), Set.of(), ScopeSet.EMPTY,
                        List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        TokenLifetimes.DEFAULTS, false, false, AccessTokenFormat.JWT));

        assertEquals("token_endpoint_auth_method none takes no client_secret", thrown.getMessage());
    }

    @Test
    void constructorWhenPrivateKeyJwtWithSecretThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new Client(new ClientId("client-1"), "name", ClientAuthenticationMethod.PRIVATE_KEY_JWT,
                        Optional.of(SECRET), Set.of(), Set.of(),
                        ScopeSet.EMPTY, List.of(), List.of(), Optional.empty(),
                        Optional.of(JWKS), Optional.empty(), Optional.empty(), TokenLifetimes.DEFAULTS, false, false, AccessTokenFormat.JWT));

        assertEquals("token_endpoint_auth_method private_key_jwt takes no client_secret", thrown.getMessage());
    }

    @Test
    void authenticationMethodWhenSetToNoneThenSecretCleared() {
        ClientBuilder builder = confidential().authenticationMethod(ClientAuthenticationMethod.NONE);

        Client client = builder.build();

        assertEquals(Optional.empty(), client.secret());
    }

    @Test
    void buildWhenJwksAndJwksUriBothPresentThenIllegalArgument() { // RFC 7591 §2
        ClientBuilder builder = Client.builder(new ClientId("client-1"))
                .authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwks(JWKS)
                .jwksUri(URI.create("https://client.example.com/jwks"));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("jwks_uri and jwks must not both be present (RFC 7591 §2)", thrown.getMessage());
    }

    @Test
    void buildWhenPrivateKeyJwtWithoutKeysThenIllegalArgument() {
        ClientBuilder builder = Client.builder(new ClientId("client-1"))
                .authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("token_endpoint_auth_method private_key_jwt needs jwks or jwks_uri", thrown.getMessage());
    }

    @Test
    void buildWhenPrivateKeyJwtWithJwksUriThenBuilt() {
        ClientBuilder builder = Client.builder(new ClientId("client-1"))
                .authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwksUri(URI.create("https://client.example.com/jwks"));

        Client client = builder.build();

        assertEquals(ClientType.CONFIDENTIAL, client.type());
    }

    @Test
    void buildWhenRedirectUriHasFragmentThenIllegalArgument() { // RFC 6749 §3.1.2
        ClientBuilder builder = confidential().redirectUris(List.of(URI.create("https://client.example.com/cb#frag")));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("redirect_uris entries must be absolute URIs without a fragment", thrown.getMessage());
    }

    @Test
    void buildWhenRedirectUriHasEmptyFragmentThenIllegalArgument() { // RFC 6749 §3.1.2
        ClientBuilder builder = confidential().redirectUris(List.of(URI.create("https://client.example.com/cb#")));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("redirect_uris entries must be absolute URIs without a fragment", thrown.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/callback", "callback", "//client.example.com/cb"})
    void buildWhenRedirectUriIsRelativeThenIllegalArgument(String uri) { // RFC 6749 §3.1.2
        ClientBuilder builder = confidential().redirectUris(List.of(URI.create(uri)));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("redirect_uris entries must be absolute URIs without a fragment", thrown.getMessage());
    }

    @Test
    void buildWhenRedirectUriIsOpaqueNonUrnThenIllegalArgument() {
        ClientBuilder builder = confidential().redirectUris(List.of(URI.create("mailto:someone@example.com")));

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example.com/cb?x=1", "com.example.app:/oauth2redirect", "http://127.0.0.1:5000/cb",
            "urn:ietf:wg:oauth:2.0:oob"})
    void buildWhenRedirectUriIsAbsoluteWithoutFragmentThenBuilt(String uri) { // RFC 6749 §3.1.2, RFC 8252 §7
        ClientBuilder builder = confidential().redirectUris(List.of(URI.create(uri)));

        Client client = builder.build();

        assertEquals(List.of(URI.create(uri)), client.redirectUris());
    }

    @Test
    void buildWhenPostLogoutRedirectUriHasFragmentThenIllegalArgumentNamingField() {
        ClientBuilder builder = confidential()
                .postLogoutRedirectUris(List.of(URI.create("https://client.example.com/bye#x")));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("post_logout_redirect_uris entries must be absolute URIs without a fragment", thrown.getMessage());
    }

    @Test
    void buildWhenAuthorizationCodeWithoutRedirectUrisThenIllegalArgument() { // RFC 6749 §3.1.2.2
        ClientBuilder builder = confidential().grantTypes(GrantType.AUTHORIZATION_CODE);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("grant type authorization_code needs at least one redirect_uris entry", thrown.getMessage());
    }

    @Test
    void buildWhenClientCredentialsWithNoneThenIllegalArgument() { // RFC 6749 §4.4
        ClientBuilder builder = Client.builder(new ClientId("client-1"))
                .authenticationMethod(ClientAuthenticationMethod.NONE)
                .grantTypes(GrantType.CLIENT_CREDENTIALS);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("grant type client_credentials needs a confidential client (RFC 6749 §4.4)", thrown.getMessage());
    }

    @Test
    void typeWhenMethodIsNoneThenPublic() { // RFC 6749 §2.1
        Client client = Client.builder(new ClientId("client-1")).authenticationMethod(ClientAuthenticationMethod.NONE).build();

        ClientType type = client.type();

        assertEquals(ClientType.PUBLIC, type);
    }

    @Test
    void typeWhenMethodUsesSecretThenConfidential() { // RFC 6749 §2.1
        Client client = confidential().build();

        ClientType type = client.type();

        assertEquals(ClientType.CONFIDENTIAL, type);
    }

    @Test
    void isConfidentialWhenPublicThenFalse() { // RFC 6749 §2.1
        Client client = Client.builder(new ClientId("client-1")).authenticationMethod(ClientAuthenticationMethod.NONE).build();

        boolean confidential = client.isConfidential();

        assertFalse(confidential);
    }

    @Test
    void mayUseWhenGrantRegisteredThenTrue() {
        Client client = confidential().grantTypes(GrantType.CLIENT_CREDENTIALS).build();

        boolean allowed = client.mayUse(GrantType.CLIENT_CREDENTIALS);

        assertTrue(allowed);
    }

    @Test
    void mayUseWhenGrantNotRegisteredThenFalse() {
        Client client = confidential().grantTypes(GrantType.CLIENT_CREDENTIALS).build();

        boolean allowed = client.mayUse(GrantType.REFRESH_TOKEN);

        assertFalse(allowed);
    }

    @Test
    void buildWhenNameIsBlankThenIllegalArgument() {
        ClientBuilder builder = confidential().name(" ");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("client_name must be 1 to 200 characters", thrown.getMessage());
    }

    @Test
    void builderWhenNoNameGivenThenNameIsClientId() {
        Client client = confidential().build();

        String name = client.name();

        assertEquals("client-1", name);
    }

    @Test
    void builderWhenDefaultsThenClientSecretBasicWithoutGrantsOrScopes() {
        Client client = confidential().build();

        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, client.authenticationMethod());
        assertTrue(client.grantTypes().isEmpty());
        assertTrue(client.scopes().isEmpty());
    }

    @Test
    void toBuilderWhenUnchangedThenEqualClient() {
        Client client = confidential().grantTypes(GrantType.CLIENT_CREDENTIALS).name("Reporting").build();

        Client copy = client.toBuilder().build();

        assertEquals(client, copy);
    }

    @Test
    void clientAuthenticationMethodFromValueWhenKnownThenMethod() { // RFC 7591 §2
        Optional<ClientAuthenticationMethod> method = ClientAuthenticationMethod.fromValue("client_secret_post");

        assertEquals(Optional.of(ClientAuthenticationMethod.CLIENT_SECRET_POST), method);
    }

    @Test
    void clientAuthenticationMethodFromValueWhenUpperCaseThenEmpty() {
        Optional<ClientAuthenticationMethod> method = ClientAuthenticationMethod.fromValue("CLIENT_SECRET_POST");

        assertEquals(Optional.empty(), method);
    }

    @Test
    void builderWhenLongestClientIdAndNoNameThenBuiltWithShortenedIdAsName() {
        ClientId id = new ClientId("a".repeat(ClientId.MAX_LENGTH));

        Client client = Client.builder(id).secret(new HashedSecret("$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA")).build();

        assertEquals("a".repeat(200), client.name());
    }
}
