package dev.portcullis.oauth.application.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsParameterTest {

    private static final OAuthError MALFORMED =
            new OAuthError(StandardErrorCode.INVALID_REQUEST, "The claims parameter is malformed.");

    @Test
    void parseWhenExampleOfTheSpecThenNamesPerMember() { // OIDC Core §5.5, its example
        ClaimsRequest claims = ClaimsParameter.parse(Optional.of("""
                {"userinfo": {"given_name": {"essential": true}, "nickname": null,
                  "email": {"essential": true}, "email_verified": {"essential": true},
                  "picture": null, "http://example.info/claims/groups": null},
                 "id_token": {"auth_time": {"essential": true},
                  "acr": {"values": ["urn:mace:incommon:iap:silver"]}}}"""), true);

        assertEquals(Set.of("given_name", "nickname", "email", "email_verified", "picture",
                "http://example.info/claims/groups"), claims.userinfo());
        assertEquals(Set.of(), claims.idToken(), "auth_time and acr are protocol claims the server sets itself");
        assertEquals(Optional.empty(), claims.requiredSubject());
    }

    @Test
    void parseWhenSubValueRequestedThenRequiredSubject() { // OIDC Core §5.5.1
        ClaimsRequest claims = ClaimsParameter.parse(
                Optional.of("{\"id_token\": {\"sub\": {\"value\": \"248289761001\"}, \"email\": null}}"), true);

        assertEquals(Optional.of("248289761001"), claims.requiredSubject());
        assertEquals(Set.of("email"), claims.idToken());
    }

    @Test
    void parseWhenSameSubInBothMembersThenOneRequiredSubject() {
        ClaimsRequest claims = ClaimsParameter.parse(Optional.of(
                "{\"id_token\": {\"sub\": {\"value\": \"u1\"}}, \"userinfo\": {\"sub\": {\"value\": \"u1\"}}}"), true);

        assertEquals(Optional.of("u1"), claims.requiredSubject());
    }

    @Test
    void parseWhenAbsentOrNotOpenIdThenNone() { // OIDC Core §5.5: an OpenID Connect parameter
        assertEquals(ClaimsRequest.NONE, ClaimsParameter.parse(Optional.empty(), true));
        assertEquals(ClaimsRequest.NONE, ClaimsParameter.parse(Optional.of("{\"userinfo\": {\"email\": null}}"), false));
    }

    @Test
    void parseWhenUnknownMembersThenIgnored() { // OIDC Core §5.5: members not understood are ignored
        ClaimsRequest claims = ClaimsParameter.parse(Optional.of("{\"future\": 1, \"userinfo\": {\"email\": null}}"), true);

        assertEquals(Set.of("email"), claims.userinfo());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[\"email\"]",
        "{\"userinfo\": [\"email\"]}",
        "{\"userinfo\": {\"email\": true}}",
        "{\"userinfo\": {\"email\": {\"essential\": \"yes\"}}}",
        "{\"userinfo\": {\"email\": {\"values\": \"a\"}}}",
        "{\"id_token\": {\"sub\": {\"value\": 42}}}",
        "{\"id_token\": {\"sub\": {\"value\": \"\"}}}",
        "{\"id_token\": {\"sub\": {\"value\": \"a\"}}, \"userinfo\": {\"sub\": {\"value\": \"b\"}}}"
    })
    void parseWhenNotOfTheShapeThenInvalidRequest(String value) { // OIDC Core §5.5
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClaimsParameter.parse(Optional.of(value), true));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenLongerThanTheLimitThenInvalidRequest() {
        String value = "{\"userinfo\": {\"" + "x".repeat(ClaimsParameter.MAX_LENGTH) + "\": null}}";

        assertEquals(MALFORMED, assertThrows(OAuthException.class,
                () -> ClaimsParameter.parse(Optional.of(value), true)).error());
    }

    @Test
    void parseWhenMoreThanTheLimitOfClaimsThenInvalidRequest() {
        StringBuilder json = new StringBuilder("{\"userinfo\": {");
        for (int i = 0; i <= ClaimsParameter.MAX_CLAIMS; i++) {
            json.append(i == 0 ? "" : ",").append("\"c").append(i).append("\": null");
        }
        json.append("}}");

        assertEquals(MALFORMED, assertThrows(OAuthException.class,
                () -> ClaimsParameter.parse(Optional.of(json.toString()), true)).error());
    }

    @Test
    void parseWhenNamesUnrepresentableThenDropped() { // OIDC Core §5.5: claims not understood are ignored
        ClaimsRequest claims = ClaimsParameter.parse(
                Optional.of("{\"userinfo\": {\"with space\": null, \"\": null, \"iss\": null, \"email\": null}}"), true);

        assertEquals(Set.of("email"), claims.userinfo());
    }
}
