package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.token.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks every step of a pending request makes before it acts: the request must come from the
 * browser that started it (its flow cookie, RFC 9700 §4.4.1.8, against login CSRF), and a form must
 * carry the request's CSRF token. Both compare in constant time. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.4.1.8">RFC 9700 §4.4.1.8</a>
 */
final class FormChecks {

    /** What a flow cookie this server issues looks like: base64url, 128 bits or more. */
    private static final Pattern FLOW_COOKIE = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    private FormChecks() {
    }

    /** Whether {@code value} has the shape of a flow cookie this server issues, so that it may be reused. */
    static boolean isFlowCookie(String value) {
        return FLOW_COOKIE.matcher(value).matches();
    }

    /**
     * Whether {@code sentCookie} is the flow cookie {@code pending} is bound to, compared by hash in
     * constant time; the empty string (no cookie) never matches.
     */
    static boolean sameBrowser(PendingAuthorization pending, String sentCookie) {
        if (sentCookie.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(pending.flowBindingHash().getBytes(StandardCharsets.UTF_8),
                TokenHash.of(sentCookie).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code sent} is the CSRF token of {@code pending}, compared in constant time. */
    static boolean csrfMatches(PendingAuthorization pending, String sent) {
        return MessageDigest.isEqual(pending.csrfToken().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Why a page of {@code pending} must not be shown: {@link AuthorizationStep.BrowserMismatch} when
     * {@code flowCookie} (empty when none) is not the request's; empty when it may.
     */
    static Optional<AuthorizationStep> refusePage(PendingAuthorization pending, String flowCookie) {
        return sameBrowser(pending, flowCookie)
                ? Optional.empty() : Optional.of(new AuthorizationStep.BrowserMismatch());
    }

    /**
     * Why a form of {@code pending} must be refused: {@link AuthorizationStep.BrowserMismatch} as for
     * {@link #refusePage}, else {@link AuthorizationStep.CsrfRejected} for a wrong {@code csrfToken};
     * empty when it may be acted on.
     */
    static Optional<AuthorizationStep> refuseForm(PendingAuthorization pending, String flowCookie, String csrfToken) {
        Optional<AuthorizationStep> refused = refusePage(pending, flowCookie);
        if (refused.isEmpty() && !csrfMatches(pending, csrfToken)) {
            return Optional.of(new AuthorizationStep.CsrfRejected());
        }
        return refused;
    }
}
