package dev.portcullis.oauth.domain.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code token_endpoint_auth_method} values of RFC 7591 §2 and OIDC Core §9.
 */
public enum ClientAuthenticationMethod {
    /** RFC 6749 §2.3.1: HTTP Basic with the form-url-encoded id and secret. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** RFC 6749 §2.3.1: {@code client_id} and {@code client_secret} in the request body. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** OIDC Core §9: a JWT assertion signed with the client secret (HMAC). */
    CLIENT_SECRET_JWT("client_secret_jwt"),
    /** OIDC Core §9, RFC 7523: a JWT assertion signed with the client's private key. */
    PRIVATE_KEY_JWT("private_key_jwt"),
    /** RFC 7591 §2: a public client; it does not authenticate. */
    NONE("none");

    private final String value;

    ClientAuthenticationMethod(String value) {
        this.value = value;
    }

    /** The metadata value, e.g. {@code client_secret_basic}. */
    public String value() {
        return value;
    }

    /** Whether this method authenticates with a shared secret that the server must hash. */
    public boolean usesSecret() {
        return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST || this == CLIENT_SECRET_JWT;
    }

    /** The method named {@code value} (exact, lower case), or empty if none is. */
    public static Optional<ClientAuthenticationMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
