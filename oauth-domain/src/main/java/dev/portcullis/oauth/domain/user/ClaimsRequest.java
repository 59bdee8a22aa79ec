package dev.portcullis.oauth.domain.user;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The individual claims a relying party asked for with the {@code claims} request parameter
 * (OIDC Core §5.5), beyond those its scopes release: names for the UserInfo response and names for
 * the ID token. Only names are kept: {@code essential} is advisory (§5.5.1) and values other than a
 * requested {@code sub} are not used to choose among a user's values. Names the server cannot
 * represent (empty, white space, control characters, longer than {@link #MAX_NAME_LENGTH}) are
 * dropped, as §5.5 lets an OP ignore claims it does not understand.
 *
 * @param userinfo         the claims asked for in the UserInfo response
 * @param idToken          the claims asked for in the ID token
 * @param requiredSubject  the {@code sub} value the request names (§5.5.1): the server must not
 *                         answer for another user; empty when none
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClaimsParameter">OIDC Core §5.5</a>
 */
public record ClaimsRequest(Set<String> userinfo, Set<String> idToken, Optional<String> requiredSubject) {

    /** No individual claim asked for. */
    public static final ClaimsRequest NONE = new ClaimsRequest(Set.of(), Set.of(), Optional.empty());

    /** The longest claim name kept. */
    public static final int MAX_NAME_LENGTH = 60;

    /**
     * Claims that are never released through the claims parameter because the server sets them
     * itself: the registered and protocol claims of ID tokens and JWTs (OIDC Core §2, RFC 7519 §4.1).
     */
    private static final Set<String> PROTOCOL_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti",
            "auth_time", "nonce", "acr", "amr", "azp", "at_hash", "c_hash", "sid", "scope", "client_id", "typ");

    public ClaimsRequest {
        userinfo = Set.copyOf(new LinkedHashSet<>(userinfo));
        idToken = Set.copyOf(new LinkedHashSet<>(idToken));
        Objects.requireNonNull(requiredSubject, "requiredSubject");
        for (String name : userinfo) {
            requireUsable(name);
        }
        for (String name : idToken) {
            requireUsable(name);
        }
    }

    /**
     * A request of the names given, keeping only those {@link #isUsableName usable}: a claim the
     * server sets itself ({@code sub}, {@code iss} …) or cannot represent is dropped.
     */
    public static ClaimsRequest of(Collection<String> userinfo, Collection<String> idToken,
                                   Optional<String> requiredSubject) {
        return new ClaimsRequest(usable(userinfo), usable(idToken), requiredSubject);
    }

    /** Whether {@code name} can be asked for: printable, without white space, not a protocol claim. */
    public static boolean isUsableName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME_LENGTH
                && name.chars().allMatch(c -> c > 0x20 && c < 0x7f) && !PROTOCOL_CLAIMS.contains(name);
    }

    /** Whether nothing was asked for. */
    public boolean isEmpty() {
        return userinfo.isEmpty() && idToken.isEmpty() && requiredSubject.isEmpty();
    }

    /** Every claim name asked for, for the ID token or UserInfo. */
    public Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>(userinfo);
        names.addAll(idToken);
        return Set.copyOf(names);
    }

    private static Set<String> usable(Collection<String> names) {
        Set<String> kept = new LinkedHashSet<>();
        for (String name : names) {
            if (isUsableName(name)) {
                kept.add(name);
            }
        }
        return kept;
    }

    private static void requireUsable(String name) {
        if (!isUsableName(name)) {
            throw new IllegalArgumentException("claim name not usable in a claims request");
        }
    }
}
