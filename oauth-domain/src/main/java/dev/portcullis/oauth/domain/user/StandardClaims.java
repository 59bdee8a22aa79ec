package dev.portcullis.oauth.domain.user;

import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which claims the standard scopes release (OIDC Core §5.4). Stateless.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OIDC Core §5.4</a>
 */
public final class StandardClaims {

    /** OIDC Core §3.1.2.1: the scope that makes a request an OpenID Connect request. */
    public static final Scope OPENID = new Scope("openid");
    /** OIDC Core §11: the scope that asks for a refresh token usable while the user is away. */
    public static final Scope OFFLINE_ACCESS = new Scope("offline_access");

    private static final Map<Scope, Set<String>> CLAIMS_BY_SCOPE = Map.of(
            new Scope("profile"), Set.of("name", "family_name", "given_name", "middle_name", "nickname",
                    "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo",
                    "locale", "updated_at"),
            new Scope("email"), Set.of("email", "email_verified"),
            new Scope("address"), Set.of("address"),
            new Scope("phone"), Set.of("phone_number", "phone_number_verified"));

    private StandardClaims() {
    }

    /** The standard scopes with claims: {@code profile}, {@code email}, {@code address}, {@code phone}. */
    public static Set<Scope> claimScopes() {
        return CLAIMS_BY_SCOPE.keySet();
    }

    /** The claim names {@code scope} releases; empty for a scope without standard claims. */
    public static Set<String> claimsOf(ScopeSet scope) {
        Objects.requireNonNull(scope, "scope");
        Set<String> names = new LinkedHashSet<>();
        for (Scope s : scope.scopes()) {
            names.addAll(CLAIMS_BY_SCOPE.getOrDefault(s, Set.of()));
        }
        return names;
    }

    /** The claims of {@code user} that {@code scope} releases; {@code sub} is never among them. */
    public static Map<String, Object> releasedBy(ScopeSet scope, UserClaims user) {
        Set<String> names = claimsOf(scope);
        Map<String, Object> released = new LinkedHashMap<>();
        user.claims().forEach((name, value) -> {
            if (names.contains(name)) {
                released.put(name, value);
            }
        });
        return released;
    }
}
