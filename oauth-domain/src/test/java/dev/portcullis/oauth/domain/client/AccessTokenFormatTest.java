package dev.portcullis.oauth.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokenFormatTest {

    @Test
    void fromValueWhenKnownThenFormat() {
        assertEquals(Optional.of(AccessTokenFormat.JWT), AccessTokenFormat.fromValue("jwt"));
        assertEquals(Optional.of(AccessTokenFormat.OPAQUE), AccessTokenFormat.fromValue("opaque"));
    }

    @Test
    void fromValueWhenUnknownOrUpperCaseThenEmpty() {
        assertEquals(Optional.empty(), AccessTokenFormat.fromValue("JWT"));
        assertEquals(Optional.empty(), AccessTokenFormat.fromValue("reference"));
    }

    @Test
    void builderWhenNotSetThenJwt() {
        assertEquals(AccessTokenFormat.JWT, Client.builder(new ClientId("c")).authenticationMethod(ClientAuthenticationMethod.NONE).build()
                .accessTokenFormat());
    }
}
