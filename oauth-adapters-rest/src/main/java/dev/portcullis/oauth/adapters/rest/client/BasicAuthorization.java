package dev.portcullis.oauth.adapters.rest.client;

import dev.portcullis.oauth.adapters.rest.form.FormComponent;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.util.Base64;
import java.util.Objects;

/**
 * Parses an {@code Authorization: Basic} header into client credentials (RFC 6749 §2.3.1):
 * base64-decode, split at the first {@code :}, then form-url-decode the id and the secret
 * (RFC 6749 Appendix B), so {@code a%3Ab:p%40ss} is the id {@code a:b} with the secret
 * {@code p@ss}, and {@code +} is a space. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7617#section-2">RFC 7617 §2</a>
 */
public final class BasicAuthorization {

    private static final String SCHEME = "Basic";

    private BasicAuthorization() {
    }

    /**
     * Parses {@code header}, the value of the {@code Authorization} header.
     *
     * @return the id and secret, decoded
     * @throws OAuthException {@code invalid_client} when the scheme is not Basic, the base64 or an
     *                        escape is malformed, there is no {@code :}, the id is empty or not a
     *                        valid {@code client_id}, or the secret is empty or too long
     */
    public static ClientCredentials.SecretBasic parse(String header) {
        Objects.requireNonNull(header, "header");
        String value = header.strip();
        // RFC 9110 §11.1: the scheme is case-insensitive; RFC 7617 §2: one or more spaces, then token68.
        if (value.length() <= SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || value.charAt(SCHEME.length()) != ' ') {
            throw new OAuthException(new OAuthError(StandardErrorCode.INVALID_CLIENT,
                    "The Authorization header must use the Basic scheme."), "Authorization header is not Basic");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(SCHEME.length() + 1).strip());
        } catch (IllegalArgumentException e) {
            throw malformed("Basic credentials are not base64");
        }
        int colon = indexOfColon(decoded);
        if (colon < 0) {
            throw malformed("Basic credentials have no colon");
        }
        String id = FormComponent.decode(decoded, 0, colon)
                .orElseThrow(() -> malformed("Basic client id is not form-url-encoded UTF-8"));
        String secret = FormComponent.decode(decoded, colon + 1, decoded.length)
                .orElseThrow(() -> malformed("Basic client secret is not form-url-encoded UTF-8"));
        if (!ClientId.isValid(id)) {
            throw malformed("Basic client id is empty or not a valid client_id");
        }
        if (secret.isEmpty() || secret.length() > ClientSecret.MAX_LENGTH) {
            throw malformed("Basic client secret is empty or longer than " + ClientSecret.MAX_LENGTH);
        }
        return new ClientCredentials.SecretBasic(new ClientId(id), new ClientSecret(secret));
    }

    private static int indexOfColon(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static OAuthException malformed(String detail) {
        return new OAuthException(new OAuthError(StandardErrorCode.INVALID_CLIENT,
                "The Authorization header is malformed."), detail);
    }
}
