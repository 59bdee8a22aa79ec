package dev.portcullis.oauth.domain.authorization;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches a requested {@code redirect_uri} against a client's registered ones. Stateless.
 *
 * <p>Exact string comparison (RFC 9700 §4.1.3, OAuth 2.1 §2.3.1), with one exception: for a
 * registered loopback URI ({@code http://127.0.0.1} or {@code http://[::1]}) the port may differ,
 * because native apps bind an ephemeral port at run time (RFC 8252 §7.3).
 */
public final class RedirectUriPolicy {

    /**
     * The registered URI that {@code requested} stands for.
     *
     * @param registered the client's {@code redirect_uris}
     * @param requested  the {@code redirect_uri} parameter as sent
     * @return the requested URI when it matches; empty otherwise
     */
    public Optional<URI> match(List<URI> registered, String requested) {
        Objects.requireNonNull(registered, "registered");
        if (requested == null || requested.isEmpty() || requested.length() > 2048) {
            return Optional.empty();
        }
        for (URI uri : registered) {
            if (uri.toString().equals(requested)) {
                return Optional.of(uri);
            }
        }
        return loopbackMatch(registered, requested);
    }

    private static Optional<URI> loopbackMatch(List<URI> registered, String requested) {
        URI candidate;
        try {
            candidate = new URI(requested);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!isLoopback(candidate)) {
            return Optional.empty();
        }
        for (URI uri : registered) {
            if (isLoopback(uri) && uri.getHost().equals(candidate.getHost())
                    && Objects.equals(uri.getRawPath(), candidate.getRawPath())
                    && Objects.equals(uri.getRawQuery(), candidate.getRawQuery())
                    && candidate.getRawUserInfo() == null && candidate.getRawFragment() == null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    // RFC 8252 §7.3 and §8.3: loopback IP literals over http; "localhost" is NOT RECOMMENDED and gets no port freedom.
    private static boolean isLoopback(URI uri) {
        return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()));
    }
}
