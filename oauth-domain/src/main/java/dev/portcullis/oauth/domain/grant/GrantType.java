package dev.portcullis.oauth.domain.grant;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code grant_type} value: one of the built-in grants or an extension grant named by an
 * absolute URI (RFC 6749 §4.5).
 *
 * @param value the value as sent in the {@code grant_type} parameter
 */
public record GrantType(String value) {

    // Declared first: the constants below run the constructor, which reads this set.
    private static final Set<String> BUILT_IN_NAMES = Set.of(
            "authorization_code", "client_credentials", "refresh_token",
            "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:token-exchange",
            "urn:ietf:params:oauth:grant-type:jwt-bearer");

    /** RFC 6749 §4.1.3. */
    public static final GrantType AUTHORIZATION_CODE = new GrantType("authorization_code");
    /** RFC 6749 §4.4.2. */
    public static final GrantType CLIENT_CREDENTIALS = new GrantType("client_credentials");
    /** RFC 6749 §6. */
    public static final GrantType REFRESH_TOKEN = new GrantType("refresh_token");
    /** RFC 8628 §3.4. */
    public static final GrantType DEVICE_CODE = new GrantType("urn:ietf:params:oauth:grant-type:device_code");
    /** RFC 8693 §2.1. */
    public static final GrantType TOKEN_EXCHANGE = new GrantType("urn:ietf:params:oauth:grant-type:token-exchange");
    /** RFC 7523 §2.1. */
    public static final GrantType JWT_BEARER = new GrantType("urn:ietf:params:oauth:grant-type:jwt-bearer");

    private static final Map<String, GrantType> BUILT_IN = Map.of(
            AUTHORIZATION_CODE.value, AUTHORIZATION_CODE,
            CLIENT_CREDENTIALS.value, CLIENT_CREDENTIALS,
            REFRESH_TOKEN.value, REFRESH_TOKEN,
            DEVICE_CODE.value, DEVICE_CODE,
            TOKEN_EXCHANGE.value, TOKEN_EXCHANGE,
            JWT_BEARER.value, JWT_BEARER);

    /** The longest value accepted. */
    public static final int MAX_LENGTH = 255;

    public GrantType {
        Objects.requireNonNull(value, "value");
        if (!BUILT_IN_NAMES.contains(value) && !isAbsoluteUri(value)) {
            throw new IllegalArgumentException("a custom grant type must be an absolute URI (RFC 6749 §4.5)");
        }
    }

    /** The grant type named {@code value}, or empty when it is neither built in nor an absolute URI. */
    public static Optional<GrantType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        GrantType builtIn = BUILT_IN.get(value);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        return isAbsoluteUri(value) ? Optional.of(new GrantType(value)) : Optional.empty();
    }

    /** Whether this is one of the grant types defined by the specifications above. */
    public boolean isBuiltIn() {
        return BUILT_IN_NAMES.contains(value);
    }

    private static boolean isAbsoluteUri(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getScheme().length() > 1;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
