package dev.portcullis.oauth.domain.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpaqueAccessTokenTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static OpaqueAccessToken token(List<String> audience, Instant expiresAt) {
        return new OpaqueAccessToken("hash", "jti", Optional.empty(), new ClientId("billing"), "billing",
                ScopeSet.EMPTY, audience, T0, expiresAt, false);
    }

    @Test
    void constructorWhenNoAudienceThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> token(List.of(), T0.plusSeconds(60)));
    }

    @Test
    void constructorWhenExpiresBeforeIssuedThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> token(List.of("https://as.example.com"), T0.minusSeconds(1)));
    }

    @Test
    void isActiveAtWhenBeforeExpiryThenTrueAtExpiryFalse() {
        OpaqueAccessToken token = token(List.of("https://as.example.com"), T0.plusSeconds(60));

        assertTrue(token.isActiveAt(T0.plusSeconds(59)));
        assertFalse(token.isActiveAt(T0.plusSeconds(60)));
    }

    @Test
    void isActiveAtWhenRevokedThenFalse() {
        OpaqueAccessToken token = token(List.of("https://as.example.com"), T0.plusSeconds(60)).withRevoked();

        assertFalse(token.isActiveAt(T0));
    }
}
