package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.TokenSigner;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mints OpenID Connect ID tokens (OIDC Core §2) for the token endpoint. The ID token is kept
 * minimal: the user's profile, email, address and phone claims are served by userinfo, because OIDC
 * Core §5.4 puts them in the ID token only when no access token is issued, which never happens here;
 * claims the request asked for in the ID token with the {@code claims} parameter (§5.5) are added.
 * Thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OIDC Core §2</a>
 */
final class IdTokens {

    /** OIDC Core §2 and RFC 7519 §5.1: the {@code typ} header of an ID token. */
    static final String TYPE = "JWT";

    /** OIDC Core §15.1, OIDC Registration §2: the algorithm of clients that chose none. */
    static final SigningAlgorithm DEFAULT_ALGORITHM = SigningAlgorithm.RS256;

    private final String issuer;
    private final TokenSigner signer;

    IdTokens(String issuer, TokenSigner signer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * The ID token of {@code grant}, issued with {@code accessToken} at {@code now}, expiring when
     * the access token does, with {@code requested}: the user's values of the claims the grant asked
     * for one by one (OIDC Core §5.5), which never replace a claim set here.
     */
    TokenValue mint(Client client, UserGrant grant, TokenValue accessToken, Instant now, Instant expiresAt,
                    Map<String, Object> requested) {
        SigningAlgorithm algorithm = client.idTokenSigningAlgorithm().orElse(DEFAULT_ALGORITHM);
        // OIDC Core §2: iss, sub, aud, exp, iat REQUIRED; auth_time, nonce, amr when known.
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", grant.subject().value());
        // A single audience, so azp is not needed (OIDC Core §2).
        claims.put("aud", List.of(client.id().value()));
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("auth_time", grant.authTime().getEpochSecond());
        // OIDC Core §3.1.3.6 and §12.2: the nonce of the authorization request; none on refresh.
        grant.nonce().ifPresent(nonce -> claims.put("nonce", nonce));
        if (!grant.authenticationMethods().isEmpty()) {
            claims.put("amr", grant.authenticationMethods());
        }
        claims.put("at_hash", atHash(algorithm, accessToken));
        // OIDC Front-Channel Logout §3: the session the user approved in.
        grant.sessionId().ifPresent(sid -> claims.put("sid", sid));
        requested.forEach(claims::putIfAbsent);
        return new TokenValue(signer.sign(algorithm, TYPE, claims));
    }

    /**
     * OIDC Core §3.1.3.6: the base64url of the left-most half of the hash of the access token's
     * ASCII octets, the hash being that of the JWS algorithm (SHA-256 for RS256, PS256, ES256;
     * SHA-512 for EdDSA with Ed25519, per the OIDC Core errata).
     */
    static String atHash(SigningAlgorithm algorithm, TokenValue accessToken) {
        String digest = algorithm == SigningAlgorithm.EDDSA ? "SHA-512" : "SHA-256";
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(accessToken.value().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is required by every Java platform", e);
        }
    }
}
