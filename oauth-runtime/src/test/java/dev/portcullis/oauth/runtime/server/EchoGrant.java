package dev.portcullis.oauth.runtime.server;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import java.util.List;
import java.util.Map;

/** The client side of {@link EchoGrantHandler}, as a Nimbus SDK grant. */
final class EchoGrant extends AuthorizationGrant {

    private final String scope;

    EchoGrant(String scope) {
        super(new GrantType(EchoGrantHandler.GRANT_TYPE));
        this.scope = scope;
    }

    @Override
    public Map<String, List<String>> toParameters() {
        return Map.of("grant_type", List.of(EchoGrantHandler.GRANT_TYPE), "echo_scope", List.of(scope));
    }
}
