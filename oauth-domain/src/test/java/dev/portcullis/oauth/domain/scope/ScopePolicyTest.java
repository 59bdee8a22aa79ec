package dev.portcullis.oauth.domain.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopePolicyTest {

    private static final ScopeSet ALLOWED = ScopeSet.of("openid", "read", "write");

    private final ScopePolicy policy = new ScopePolicy();

    @Test
    void narrowWhenScopeAbsentThenAllowed() { // RFC 6749 §3.3: the pre-defined default
        ScopeSet granted = policy.narrow(Optional.empty(), ALLOWED);

        assertEquals(ALLOWED, granted);
    }

    @Test
    void narrowWhenRequestedIsSubsetThenRequested() { // RFC 6749 §3.3
        ScopeSet requested = ScopeSet.of("write", "read");

        ScopeSet granted = policy.narrow(Optional.of(requested), ALLOWED);

        assertEquals("write read", granted.toParameter());
    }

    @Test
    void narrowWhenRequestedEqualsAllowedThenRequested() {
        ScopeSet granted = policy.narrow(Optional.of(ALLOWED), ALLOWED);

        assertEquals(ALLOWED, granted);
    }

    @Test
    void narrowWhenRequestedExceedsAllowedThenInvalidScope() { // RFC 6749 §5.2: invalid_scope
        ScopeSet requested = ScopeSet.of("read", "admin");

        OAuthException thrown = assertThrows(OAuthException.class, () -> policy.narrow(Optional.of(requested), ALLOWED));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_SCOPE,
                "The requested scope exceeds the scope registered for the client."), thrown.error());
    }

    @Test
    void narrowWhenNothingAllowedAndScopeRequestedThenInvalidScope() { // RFC 6749 §5.2: invalid_scope
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> policy.narrow(Optional.of(ScopeSet.of("read")), ScopeSet.EMPTY));

        assertEquals(StandardErrorCode.INVALID_SCOPE, thrown.error().code());
    }
}
