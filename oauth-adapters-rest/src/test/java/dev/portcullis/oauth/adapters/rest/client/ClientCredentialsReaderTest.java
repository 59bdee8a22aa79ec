package dev.portcullis.oauth.adapters.rest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientCredentialsReaderTest {

    private static final String BASIC = BasicAuthorizationTest.basic("client:secret");
    private static final OAuthError TWO_METHODS = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The client used more than one authentication method.");
    private static final OAuthError AUTHENTICATION_FAILED = new OAuthError(StandardErrorCode.INVALID_CLIENT,
            "Client authentication failed.");

    @Test
    void readWhenBasicHeaderThenSecretBasic() { // RFC 6749 §2.3.1
        Optional<ClientCredentials> credentials = ClientCredentialsReader.read(List.of(BASIC), Map.of());

        assertEquals(Optional.of(new ClientCredentials.SecretBasic(new ClientId("client"), new ClientSecret("secret"))),
                credentials);
    }

    @Test
    void readWhenBasicHeaderAndSameClientIdInBodyThenSecretBasic() {
        Optional<ClientCredentials> credentials = ClientCredentialsReader.read(List.of(BASIC),
                Map.of("client_id", "client"));

        assertEquals(Optional.of(new ClientCredentials.SecretBasic(new ClientId("client"), new ClientSecret("secret"))),
                credentials);
    }

    @Test
    void readWhenBasicHeaderAndOtherClientIdInBodyThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> ClientCredentialsReader.read(List.of(BASIC), Map.of("client_id", "other")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST,
                "The client_id parameter does not match the Authorization header."), thrown.error());
    }

    @Test
    void readWhenBasicHeaderAndClientSecretInBodyThenInvalidRequest() { // RFC 6749 §2.3
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(List.of(BASIC),
                Map.of("client_id", "client", "client_secret", "secret")));

        assertEquals(TWO_METHODS, thrown.error());
    }

    @Test
    void readWhenMalformedBasicHeaderAndClientSecretInBodyThenInvalidRequest() { // RFC 6749 §2.3
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(
                List.of("Basic %%%"), Map.of("client_id", "client", "client_secret", "secret")));

        assertEquals(TWO_METHODS, thrown.error());
    }

    @Test
    void readWhenClientSecretAndClientAssertionThenInvalidRequest() { // RFC 6749 §2.3
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(List.of(),
                Map.of("client_id", "client", "client_secret", "secret", "client_assertion", "x.y.z")));

        assertEquals(TWO_METHODS, thrown.error());
    }

    @Test
    void readWhenAuthorizationHeaderRepeatedThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> ClientCredentialsReader.read(List.of(BASIC, BASIC), Map.of()));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The Authorization header is repeated."),
                thrown.error());
    }

    @Test
    void readWhenMalformedBasicHeaderThenInvalidClient() { // RFC 6749 §2.3.1
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> ClientCredentialsReader.read(List.of("Basic %%%"), Map.of()));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_CLIENT, "The Authorization header is malformed."),
                thrown.error());
    }

    @Test
    void readWhenClientIdAndSecretInBodyThenSecretPost() { // RFC 6749 §2.3.1
        Optional<ClientCredentials> credentials = ClientCredentialsReader.read(List.of(),
                Map.of("client_id", "client", "client_secret", "secret"));

        assertEquals(Optional.of(new ClientCredentials.SecretPost(new ClientId("client"), new ClientSecret("secret"))),
                credentials);
    }

    @Test
    void readWhenClientIdAloneThenPublicClient() { // RFC 6749 §3.2.1
        Optional<ClientCredentials> credentials = ClientCredentialsReader.read(List.of(), Map.of("client_id", "client"));

        assertEquals(Optional.of(new ClientCredentials.PublicClient(new ClientId("client"))), credentials);
    }

    @Test
    void readWhenNothingThenEmpty() {
        Optional<ClientCredentials> credentials = ClientCredentialsReader.read(List.of(), Map.of("scope", "read"));

        assertEquals(Optional.empty(), credentials);
    }

    @Test
    void readWhenClientSecretWithoutClientIdThenInvalidRequest() { // RFC 6749 §2.3.1
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> ClientCredentialsReader.read(List.of(), Map.of("client_secret", "secret")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The client_id parameter is missing."),
                thrown.error());
    }

    @Test
    void readWhenClientIdHasInvalidSyntaxThenInvalidClient() { // RFC 6749 Appendix A.1
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> ClientCredentialsReader.read(List.of(), Map.of("client_id", "caf\u00e9")));

        assertEquals(AUTHENTICATION_FAILED, thrown.error());
    }

    @Test
    void readWhenClientIdLongerThanMaximumThenInvalidClient() { // RFC 6749 Appendix A.1
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(List.of(),
                Map.of("client_id", "c".repeat(ClientId.MAX_LENGTH + 1))));

        assertEquals(AUTHENTICATION_FAILED, thrown.error());
    }

    @Test
    void readWhenClientSecretLongerThanMaximumThenInvalidClient() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(List.of(),
                Map.of("client_id", "client", "client_secret", "s".repeat(ClientSecret.MAX_LENGTH + 1))));

        assertEquals(AUTHENTICATION_FAILED, thrown.error());
    }

    @Test
    void readWhenClientAssertionWithTypeThenJwtAssertion() { // RFC 7523 §2.2
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJwYXJ0bmVyIiwic3ViIjoicGFydG5lciJ9.c2ln";

        ClientCredentials credentials = ClientCredentialsReader.read(List.of(), Map.of("client_assertion", jwt,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")).orElseThrow();

        assertEquals(new ClientId("partner"), credentials.clientId());
        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, credentials.method());
    }

    @Test
    void readWhenClientAssertionTypeWithoutAssertionThenInvalidRequest() { // RFC 7521 §4.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(List.of(),
                Map.of("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The client_assertion parameter is missing."),
                thrown.error());
    }

    @Test
    void readWhenBasicHeaderAndClientAssertionThenInvalidRequest() { // RFC 6749 §2.3
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(List.of(BASIC),
                Map.of("client_assertion", "x.y.z")));

        assertEquals(TWO_METHODS, thrown.error());
    }

    @Test
    void readWhenClientAssertionWithoutTypeThenInvalidClient() { // RFC 7521 §4.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientCredentialsReader.read(List.of(),
                Map.of("client_assertion", "x.y.z")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_CLIENT, "The client_assertion_type parameter is missing."),
                thrown.error());
    }
}
