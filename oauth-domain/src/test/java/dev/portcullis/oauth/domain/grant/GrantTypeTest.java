package dev.portcullis.oauth.domain.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrantTypeTest {

    @Test
    void constantsWhenClassInitializedThenNonNullWithSpecValues() {
        assertNotNull(GrantType.AUTHORIZATION_CODE);
        assertEquals("authorization_code", GrantType.AUTHORIZATION_CODE.value()); // RFC 6749 §4.1.3
        assertEquals("client_credentials", GrantType.CLIENT_CREDENTIALS.value()); // RFC 6749 §4.4.2
        assertEquals("refresh_token", GrantType.REFRESH_TOKEN.value()); // RFC 6749 §6
        assertEquals("urn:ietf:params:oauth:grant-type:device_code", GrantType.DEVICE_CODE.value()); // RFC 8628 §3.4
        assertEquals("urn:ietf:params:oauth:grant-type:token-exchange", GrantType.TOKEN_EXCHANGE.value()); // RFC 8693 §2.1
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", GrantType.JWT_BEARER.value()); // RFC 7523 §2.1
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization_code", "client_credentials", "refresh_token",
            "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange",
            "urn:ietf:params:oauth:grant-type:jwt-bearer"})
    void parseWhenBuiltInThenBuiltInConstant(String value) {
        GrantType parsed = GrantType.parse(value).orElseThrow();

        assertTrue(parsed.isBuiltIn());
        assertEquals(value, parsed.value());
    }

    @Test
    void parseWhenClientCredentialsThenSameConstant() {
        Optional<GrantType> parsed = GrantType.parse("client_credentials");

        assertSame(GrantType.CLIENT_CREDENTIALS, parsed.orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://grants.example.com/otp", "urn:example:grant:otp",
            "urn:ietf:params:oauth:grant-type:saml2-bearer"})
    void parseWhenAbsoluteUriThenCustomGrant(String value) { // RFC 6749 §4.5
        GrantType parsed = GrantType.parse(value).orElseThrow();

        assertFalse(parsed.isBuiltIn());
        assertEquals(value, parsed.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "implicit", "Client_Credentials", "/grants/otp", "otp", "", "::", "a:b",
            "urn:with space", "https://example.com/%zz"})
    void parseWhenNeitherBuiltInNorAbsoluteUriThenEmpty(String value) { // RFC 6749 §4.5
        Optional<GrantType> parsed = GrantType.parse(value);

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void parseWhenNullThenEmpty() {
        Optional<GrantType> parsed = GrantType.parse(null);

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void parseWhenUriLongerThanMaxLengthThenEmpty() {
        String value = "urn:example:" + "a".repeat(GrantType.MAX_LENGTH);

        Optional<GrantType> parsed = GrantType.parse(value);

        assertEquals(Optional.empty(), parsed);
    }

    @Test
    void constructorWhenRelativeThenIllegalArgument() { // RFC 6749 §4.5
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new GrantType("password"));

        assertEquals("a custom grant type must be an absolute URI (RFC 6749 §4.5)", thrown.getMessage());
    }

    @Test
    void constructorWhenBuiltInNameThenEqualsConstant() {
        GrantType made = new GrantType("refresh_token");

        assertEquals(GrantType.REFRESH_TOKEN, made);
    }

    @Test
    void toStringWhenCalledThenValue() {
        String text = GrantType.DEVICE_CODE.toString();

        assertEquals("urn:ietf:params:oauth:grant-type:device_code", text);
    }
}
