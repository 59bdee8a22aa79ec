package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code acr_values} (OIDC Core §3.1.2.1): the Authentication Context Class References the
 * client would like, space-separated, in order of preference. Only their syntax is checked: the
 * values are voluntary, and with password sign-in as the only method there is no class to choose
 * between, so no {@code acr} claim is issued ({@code amr} already says {@code pwd}). Stateless.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class AcrValues {

    private static final Logger LOG = LoggerFactory.getLogger(AcrValues.class);

    static final int MAX_LENGTH = 512;
    static final int MAX_VALUES = 10;

    private AcrValues() {
    }

    /**
     * The values of {@code text} for the request of {@code clientId}, logged at DEBUG; an empty list
     * when it is absent.
     *
     * @throws OAuthException {@code invalid_request} when {@code text} is malformed, as {@link #parse} says
     */
    static List<String> read(Optional<String> text, ClientId clientId) {
        List<String> values = parse(text).orElseThrow(() -> OAuthException.of(StandardErrorCode.INVALID_REQUEST,
                "The acr_values parameter is malformed."));
        if (!values.isEmpty()) {
            // Recorded only: printable ASCII without quotes, so safe in the log.
            LOG.debug("acr_values requested: client_id={} acr_values={}", clientId, values);
        }
        return values;
    }

    /**
     * The values of {@code text}; an empty list when it is absent.
     *
     * @return empty when {@code text} is malformed: longer than {@link #MAX_LENGTH}, more than
     *         {@link #MAX_VALUES} values, an empty value, or a character outside printable ASCII
     *         (%x21-7E) or a quote or backslash
     */
    static Optional<List<String>> parse(Optional<String> text) {
        if (text.isEmpty()) {
            return Optional.of(List.of());
        }
        if (text.get().length() > MAX_LENGTH) {
            return Optional.empty();
        }
        List<String> values = List.of(text.get().split(" ", -1));
        if (values.size() > MAX_VALUES || !values.stream().allMatch(AcrValues::isValid)) {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static boolean isValid(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != '"' && c != '\\');
    }
}
