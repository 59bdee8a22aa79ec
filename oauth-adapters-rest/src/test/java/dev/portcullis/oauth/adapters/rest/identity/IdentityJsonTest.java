package dev.portcullis.oauth.adapters.rest.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityJsonTest {

    @Test
    void userWhenClaimsOfEveryJsonTypeThenJavaValues() throws Exception {
        UserClaims user = IdentityJson.user(bytes(
                "{\"sub\":\"u1\",\"claims\":{\"name\":\"A\",\"ok\":true,\"n\":1.5,\"groups\":[\"x\"],\"address\":{\"country\":\"NL\"}}}"));

        assertEquals(new UserClaims(new Subject("u1"), Map.of("name", "A", "ok", true, "n", 1.5,
                "groups", List.of("x"), "address", Map.of("country", "NL"))), user);
    }

    @Test
    void userWhenClaimsAbsentThenNoClaims() throws Exception {
        UserClaims user = IdentityJson.user(bytes("{\"sub\":\"u1\"}"));

        assertEquals(new UserClaims(new Subject("u1"), Map.of()), user);
    }

    @Test
    void userWhenClaimIsNullThenLeftOut() throws Exception {
        UserClaims user = IdentityJson.user(bytes("{\"sub\":\"u1\",\"claims\":{\"email\":null,\"name\":\"A\"}}"));

        assertEquals(Map.of("name", "A"), user.claims());
    }

    @Test
    void userWhenClaimsRepeatTheSameSubThenDropped() throws Exception {
        UserClaims user = IdentityJson.user(bytes("{\"sub\":\"u1\",\"claims\":{\"sub\":\"u1\",\"name\":\"A\"}}"));

        assertEquals(Map.of("name", "A"), user.claims());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"u1\"", "{}", "{\"sub\":1}", "{\"sub\":\"\"}", "{\"sub\":\"a b\"}",
        "{\"sub\":\"u1\",\"claims\":[]}", "{\"sub\":\"u1\",\"claims\":{\"sub\":\"u2\"}}", "{\"sub\":\"u1\"", "<html>"})
    void userWhenNotTheContractDocumentThenUnexpectedResponse(String body) {
        assertThrows(UnexpectedResponseException.class, () -> IdentityJson.user(bytes(body)));
    }

    @Test
    void userWhenNotJsonThenMessageDoesNotQuoteTheBody() {
        UnexpectedResponseException thrown = assertThrows(UnexpectedResponseException.class,
                () -> IdentityJson.user(bytes("alice@example.com secret")));

        assertEquals("identity response is not a JSON object", thrown.getMessage());
    }

    @Test
    void pathSegmentWhenReservedCharactersThenPercentEncoded() {
        assertEquals("a-b._~%2F%3F%23%25%2B%3A%40", HttpIdentityBackend.pathSegment("a-b._~/?#%+:@"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
