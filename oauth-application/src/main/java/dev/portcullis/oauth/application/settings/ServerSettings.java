package dev.portcullis.oauth.application.settings;

import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the protocol core.
 *
 * @param issuer                    the issuer identifier (RFC 8414 §2): https (or http on loopback
 *                                  for development), no query, no fragment, no trailing slash
 * @param accessTokenAudience       the {@code aud} of access tokens (RFC 9068 §3) when a request
 *                                  names no resource
 * @param signingAlgorithm          the default algorithm of tokens; must be enabled
 * @param enabledSigningAlgorithms  algorithms with a current key, that clients may choose
 */
public record ServerSettings(URI issuer, String accessTokenAudience, SigningAlgorithm signingAlgorithm,
                             Set<SigningAlgorithm> enabledSigningAlgorithms) {

    public ServerSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(accessTokenAudience, "accessTokenAudience");
        Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
        enabledSigningAlgorithms = Set.copyOf(enabledSigningAlgorithms);
        requireValidIssuer(issuer);
        if (accessTokenAudience.isBlank()) {
            throw new IllegalArgumentException("accessTokenAudience must not be blank");
        }
        if (!enabledSigningAlgorithms.contains(signingAlgorithm)) {
            throw new IllegalArgumentException("the default signing algorithm must be enabled");
        }
    }

    /** Settings for {@code issuer}: audience = issuer, RS256 only. */
    public static ServerSettings of(URI issuer) {
        return new ServerSettings(issuer, issuer.toString(), SigningAlgorithm.RS256, EnumSet.of(SigningAlgorithm.RS256));
    }

    /** The absolute URI of the endpoint at {@code path} below the issuer, e.g. {@code /token}. */
    public URI endpoint(String path) {
        return URI.create(issuer + path);
    }

    private static void requireValidIssuer(URI issuer) {
        // RFC 8414 §2: https scheme, no query or fragment. Plain http is tolerated for loopback development.
        String scheme = issuer.getScheme();
        boolean https = "https".equals(scheme);
        boolean loopbackHttp = "http".equals(scheme) && issuer.getHost() != null
                && (issuer.getHost().equals("localhost") || issuer.getHost().equals("127.0.0.1") || issuer.getHost().equals("[::1]"));
        if (!issuer.isAbsolute() || !(https || loopbackHttp) || issuer.getHost() == null) {
            throw new IllegalArgumentException("issuer must be an https URL (http only on localhost)");
        }
        if (issuer.getRawQuery() != null || issuer.getRawFragment() != null || issuer.getRawUserInfo() != null) {
            throw new IllegalArgumentException("issuer must have no query, fragment or user info (RFC 8414 §2)");
        }
        if (issuer.getRawPath() != null && issuer.getRawPath().endsWith("/")) {
            throw new IllegalArgumentException("issuer must not end with a slash");
        }
    }
}
