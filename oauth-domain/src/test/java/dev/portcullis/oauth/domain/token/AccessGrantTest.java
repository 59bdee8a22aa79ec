package dev.portcullis.oauth.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import org.junit.jupiter.api.Test;

class AccessGrantTest {

    private static final ClientId CLIENT = new ClientId("client-1");

    @Test
    void forClientWhenCalledThenSubjectIsClientIdAndGrantIsClientCredentials() { // RFC 9068 §2.2
        AccessGrant grant = AccessGrant.forClient(CLIENT, ScopeSet.of("read"));

        assertEquals(new AccessGrant("client-1", CLIENT, ScopeSet.of("read"), GrantType.CLIENT_CREDENTIALS), grant);
    }

    @Test
    void viaWhenCalledThenOnlyGrantTypeChanges() {
        GrantType custom = new GrantType("urn:example:grant:otp");

        AccessGrant grant = AccessGrant.forClient(CLIENT, ScopeSet.of("read")).via(custom);

        assertEquals(new AccessGrant("client-1", CLIENT, ScopeSet.of("read"), custom), grant);
    }

    @Test
    void constructorWhenSubjectEmptyThenIllegalArgument() { // OIDC Core §2
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new AccessGrant("", CLIENT, ScopeSet.EMPTY, GrantType.CLIENT_CREDENTIALS));

        assertEquals("subject must be 1 to 255 characters (OIDC Core §2)", thrown.getMessage());
    }

    @Test
    void constructorWhenSubjectLongerThan255ThenIllegalArgument() { // OIDC Core §2
        String subject = "s".repeat(256);

        assertThrows(IllegalArgumentException.class,
                () -> new AccessGrant(subject, CLIENT, ScopeSet.EMPTY, GrantType.CLIENT_CREDENTIALS));
    }
}
