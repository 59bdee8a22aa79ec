package dev.portcullis.oauth.adapters.rest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthorizationTest {

    private static final OAuthError MALFORMED = new OAuthError(StandardErrorCode.INVALID_CLIENT,
            "The Authorization header is malformed.");

    @Test
    void parseWhenIdAndSecretThenSecretBasic() { // RFC 6749 §2.3.1
        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse(basic("client:secret"));

        assertEquals(new ClientId("client"), credentials.clientId());
        assertEquals(new ClientSecret("secret"), credentials.secret());
    }

    @Test
    void parseWhenEncodedSpecialCharactersThenFormUrlDecoded() { // RFC 6749 §2.3.1, Appendix B
        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse(basic("a%3Ab:p%40ss"));

        assertEquals(new ClientId("a:b"), credentials.clientId());
        assertEquals(new ClientSecret("p@ss"), credentials.secret());
    }

    @Test
    void parseWhenPlusThenSpace() { // RFC 6749 Appendix B
        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse(basic("my+client:a+b"));

        assertEquals(new ClientId("my client"), credentials.clientId());
        assertEquals(new ClientSecret("a b"), credentials.secret());
    }

    @Test
    void parseWhenSecretContainsColonThenSplitAtFirstColon() { // RFC 7617 §2
        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse(basic("client:se:cr:et"));

        assertEquals(new ClientId("client"), credentials.clientId());
        assertEquals(new ClientSecret("se:cr:et"), credentials.secret());
    }

    @Test
    void parseWhenEncodedUtf8SecretThenDecoded() { // RFC 6749 Appendix B
        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse(basic("client:w%C3%B6rd"));

        assertEquals(new ClientSecret("wörd"), credentials.secret());
    }

    @Test
    void parseWhenSchemeInLowerCaseWithExtraSpacesThenAccepted() { // RFC 9110 §11.1
        String token = Base64.getEncoder().encodeToString("client:secret".getBytes(StandardCharsets.US_ASCII));

        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse("basic   " + token);

        assertEquals(new ClientId("client"), credentials.clientId());
    }

    @Test
    void parseWhenUnpaddedBase64ThenAccepted() {
        String token = Base64.getEncoder().withoutPadding().encodeToString("c:s".getBytes(StandardCharsets.US_ASCII));

        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse("Basic " + token);

        assertEquals(new ClientSecret("s"), credentials.secret());
    }

    @Test
    void parseWhenNotBase64ThenInvalidClient() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse("Basic !!!not-base64"));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenNoTokenThenInvalidClient() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse("Basic"));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
    }

    @Test
    void parseWhenNoColonThenInvalidClient() { // RFC 7617 §2
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse(basic("client")));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenEmptyIdThenInvalidClient() { // RFC 6749 §2.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse(basic(":secret")));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenEmptySecretThenInvalidClient() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse(basic("client:")));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenIdHasControlCharacterThenInvalidClient() { // RFC 6749 Appendix A.1
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse(basic("a%0Ab:secret")));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenSecretLongerThanMaximumThenInvalidClient() {
        String secret = "s".repeat(ClientSecret.MAX_LENGTH + 1);

        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse(basic("client:" + secret)));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenSecretOfMaximumLengthThenAccepted() {
        String secret = "s".repeat(ClientSecret.MAX_LENGTH);

        ClientCredentials.SecretBasic credentials = BasicAuthorization.parse(basic("client:" + secret));

        assertEquals(new ClientSecret(secret), credentials.secret());
    }

    @Test
    void parseWhenMalformedEscapeThenInvalidClient() { // RFC 6749 Appendix B
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse(basic("client:%zz")));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenDecodedBytesAreNotUtf8ThenInvalidClient() {
        byte[] latin1 = "client:s\u00e9cret".getBytes(StandardCharsets.ISO_8859_1);

        OAuthException thrown = assertThrows(OAuthException.class,
                () -> BasicAuthorization.parse("Basic " + Base64.getEncoder().encodeToString(latin1)));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenBearerSchemeThenInvalidClient() { // RFC 6749 §2.3.1
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse("Bearer abc"));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_CLIENT,
                "The Authorization header must use the Basic scheme."), thrown.error());
    }

    @Test
    void parseWhenSchemeRunsIntoTokenThenInvalidClient() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> BasicAuthorization.parse("BasicYzpz"));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
    }

    static String basic(String idColonSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(idColonSecret.getBytes(StandardCharsets.UTF_8));
    }
}
