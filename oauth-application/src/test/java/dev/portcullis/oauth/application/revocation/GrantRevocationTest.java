package dev.portcullis.oauth.application.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Refresh token reuse revokes the access tokens of the family too, in both formats (RFC 9700 §4.14.2). */
class GrantRevocationTest {

    private final TokenManagementFixture fixture = new TokenManagementFixture();

    private boolean active(String client, String token) {
        return fixture.introspect(client, token).active();
    }

    private void reuse(String client) {
        TokenResponse first = fixture.userTokens(client);
        TokenResponse rotated = fixture.refresh(client, first.refreshToken().orElseThrow().value());
        fixture.clock.advance(Duration.ofSeconds(11));

        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.refresh(client, first.refreshToken().orElseThrow().value()));

        assertEquals(StandardErrorCode.INVALID_GRANT, thrown.error().code());
        assertFalse(active(client, first.accessToken().value()));
        assertFalse(active(client, rotated.accessToken().value()));
        assertFalse(active(client, rotated.refreshToken().orElseThrow().value()));
    }

    @Test
    void refreshWhenReusedAfterGraceThenJwtAccessTokensOfTheFamilyRevoked() { // RFC 9700 §4.14.2
        reuse("billing");
    }

    @Test
    void refreshWhenReusedAfterGraceThenOpaqueAccessTokensOfTheFamilyRevoked() { // RFC 9700 §4.14.2
        reuse("billing-opaque");
    }

    @Test
    void refreshWhenReusedThenOtherFamiliesUntouched() {
        TokenResponse other = fixture.userTokens("billing");

        reuse("billing");

        assertTrue(active("billing", other.accessToken().value()));
        assertTrue(active("billing", other.refreshToken().orElseThrow().value()));
    }
}
