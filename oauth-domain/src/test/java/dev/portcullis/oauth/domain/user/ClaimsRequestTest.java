package dev.portcullis.oauth.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimsRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"email", "http://example.info/claims/groups", "given_name#fr"})
    void isUsableNameWhenPrintableThenTrue(String name) {
        assertTrue(ClaimsRequest.isUsableName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\\there", "iss", "sub", "aud", "nonce", "auth_time", "acr", "amr"})
    void isUsableNameWhenEmptyWhiteSpaceOrProtocolClaimThenFalse(String name) { // OIDC Core §2: set by the server
        assertFalse(ClaimsRequest.isUsableName(name.replace("\\t", "\t")));
    }

    @Test
    void isUsableNameWhenLongerThanTheLimitThenFalse() {
        assertTrue(ClaimsRequest.isUsableName("x".repeat(ClaimsRequest.MAX_NAME_LENGTH)));
        assertFalse(ClaimsRequest.isUsableName("x".repeat(ClaimsRequest.MAX_NAME_LENGTH + 1)));
    }

    @Test
    void ofWhenSomeNamesUnusableThenDropped() { // OIDC Core §5.5: claims not understood are ignored
        ClaimsRequest request = ClaimsRequest.of(List.of("email", "iss", "bad name"), List.of("name", ""),
                Optional.empty());

        assertEquals(Set.of("email"), request.userinfo());
        assertEquals(Set.of("name"), request.idToken());
        assertEquals(Set.of("email", "name"), request.allNames());
    }

    @Test
    void constructorWhenUnusableNameThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClaimsRequest(Set.of("sub"), Set.of(), Optional.empty()));
    }

    @Test
    void isEmptyWhenNothingAskedThenTrue() {
        assertTrue(ClaimsRequest.NONE.isEmpty());
        assertFalse(new ClaimsRequest(Set.of(), Set.of(), Optional.of("u1")).isEmpty());
    }
}
