package dev.portcullis.oauth.application.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.application.revocation.CountingDenyList;
import dev.portcullis.oauth.application.revocation.TestChangeNotifier;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's deny list: copied in memory when the server hears other instances' changes, so that
 * checking a JWT access token asks no database, with every revocation, a grant's too, announced.
 */
class DenyListWiringTest {

    private final CountingDenyList database = new CountingDenyList();
    private final TestChangeNotifier changes = new TestChangeNotifier();

    private boolean active(TokenManagementFixture fixture, TokenResponse token) {
        return fixture.introspect("billing", token.accessToken().value()).active();
    }

    @Test
    void introspectWhenServerHearsChangesThenJwtAccessTokensAreCheckedWithoutTheDatabase() { // RFC 7662 §2.2
        TokenManagementFixture fixture = new TokenManagementFixture(servers -> servers.denyList(database).changes(changes));
        TokenResponse token = fixture.clientToken("billing");
        boolean activeBefore = active(fixture, token);

        fixture.revoke("billing", token.accessToken().value());

        assertTrue(activeBefore);
        assertFalse(active(fixture, token));
        assertEquals(0, database.questions());
    }

    @Test
    void introspectWhenServerHearsNoChangesThenEachJwtIntrospectionAsksTheDenyList() {
        TokenManagementFixture fixture = new TokenManagementFixture(servers -> servers.denyList(database));
        TokenResponse token = fixture.clientToken("billing");

        active(fixture, token);
        active(fixture, token);

        assertEquals(2, database.questions());
    }

    @Test
    void revokeWhenAccessTokenRevokedThenItsJtiIsAnnounced() { // RFC 7009 §2.2: on every instance
        TokenManagementFixture fixture = new TokenManagementFixture(servers -> servers.denyList(database).changes(changes));
        TokenResponse token = fixture.clientToken("billing");

        fixture.revoke("billing", token.accessToken().value());

        assertEquals(List.of(Change.of(ChangeTopic.REVOKED_ACCESS_TOKENS,
                (String) TokenManagementFixture.claims(token).get("jti"))), changes.published());
    }

    @Test
    void revokeWhenRefreshTokenRevokedThenTheGrantEntryIsAnnouncedAndItsAccessTokenInactive() { // RFC 7009 §2.1
        TokenManagementFixture fixture = new TokenManagementFixture(servers -> servers.denyList(database).changes(changes));
        TokenResponse tokens = fixture.userTokens("billing");
        String grantId = (String) TokenManagementFixture.claims(tokens).get("grant_id");

        fixture.revoke("billing", tokens.refreshToken().orElseThrow().value());

        assertEquals(List.of(Change.of(ChangeTopic.REVOKED_ACCESS_TOKENS, "grant:" + grantId)), changes.published());
        assertFalse(active(fixture, tokens));
        assertEquals(0, database.questions());
    }
}
