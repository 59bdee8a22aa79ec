package dev.portcullis.oauth.domain.resource;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * An API that accepts access tokens (the "protected resource" of RFC 6749 §1.1). Access tokens
 * granted one of its scopes carry its identifier in {@code aud} (RFC 9068 §3); a client names it
 * with the {@code resource} parameter (RFC 8707 §2) to narrow the audience to it.
 *
 * @param identifier   its resource indicator and audience value: an absolute URI without a
 *                     fragment (RFC 8707 §2), at most {@link #MAX_IDENTIFIER_LENGTH} characters
 * @param scopes       the scopes it owns; a token granted any of them is meant for it
 * @param introspectors the clients that may introspect tokens issued for it (RFC 7662 §2.1: the
 *                     resource server authenticates at the introspection endpoint as a client)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2</a>
 */
public record ResourceServer(URI identifier, ScopeSet scopes, Set<ClientId> introspectors) {

    /** The longest identifier stored. */
    public static final int MAX_IDENTIFIER_LENGTH = 2048;

    public ResourceServer {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(scopes, "scopes");
        introspectors = Set.copyOf(introspectors);
        if (!isValidIdentifier(identifier)) {
            throw new IllegalArgumentException(
                    "a resource identifier must be an absolute URI without a fragment (RFC 8707 §2)");
        }
    }

    /** RFC 8707 §2: an absolute URI, without a fragment; not too long to store. */
    public static boolean isValidIdentifier(URI identifier) {
        return identifier.isAbsolute() && identifier.getRawFragment() == null
                && identifier.toString().length() <= MAX_IDENTIFIER_LENGTH;
    }

    /** Whether a token granted {@code granted} is meant for this resource: it owns one of those scopes. */
    public boolean isReachedBy(ScopeSet granted) {
        for (Scope scope : granted.scopes()) {
            if (scopes.contains(scope)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code client} may introspect tokens issued for this resource. */
    public boolean mayIntrospect(ClientId client) {
        return introspectors.contains(client);
    }
}
