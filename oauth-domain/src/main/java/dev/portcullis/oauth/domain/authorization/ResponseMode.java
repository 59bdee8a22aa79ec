package dev.portcullis.oauth.domain.authorization;

import java.util.Arrays;
import java.util.Optional;

/** How the authorization response reaches the client (OAuth 2.0 Multiple Response Types §2, Form Post Response Mode). */
public enum ResponseMode {
    /** Parameters in the redirect URI's query: the default for {@code response_type=code}. */
    QUERY("query"),
    /** Parameters in the redirect URI's fragment. */
    FRAGMENT("fragment"),
    /** An auto-submitting HTML form POSTed to the redirect URI. */
    FORM_POST("form_post");

    private final String value;

    ResponseMode(String value) {
        this.value = value;
    }

    /** The {@code response_mode} value. */
    public String value() {
        return value;
    }

    /** The mode named exactly {@code value}, or empty. */
    public static Optional<ResponseMode> fromValue(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }
}
