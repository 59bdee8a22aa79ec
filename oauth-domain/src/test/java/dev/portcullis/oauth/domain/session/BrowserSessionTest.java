package dev.portcullis.oauth.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BrowserSessionTest {

    private static final String ID_HASH = TokenHash.of("session-cookie-value");

    @Test
    void sidOfWhenComputedThenFirst22CharactersOfSha256OfPrefixedHash() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(("sid:" + ID_HASH).getBytes(StandardCharsets.UTF_8));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);

        String sid = BrowserSession.sidOf(ID_HASH);

        assertEquals(expected, sid);
    }

    @Test
    void sidWhenSessionThenStableAndRevealsNeitherCookieNorHash() { // OIDC Front-Channel Logout §3
        BrowserSession session = new BrowserSession(ID_HASH, new Subject("user-1"), Instant.EPOCH, Instant.EPOCH.plusSeconds(60));

        String sid = session.sid();

        assertEquals(BrowserSession.sidOf(ID_HASH), sid);
        assertNotEquals(ID_HASH.substring(0, 22), sid);
        assertTrue(sid.matches("[A-Za-z0-9_-]{22}"));
    }
}
