package dev.portcullis.oauth.domain.error;

/** The error codes defined by RFC 6749 and the specifications that extend it. */
public enum StandardErrorCode implements ErrorCode {
    // RFC 6749 §5.2 (token endpoint)
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    INVALID_SCOPE("invalid_scope"),
    // RFC 6749 §4.1.2.1 (authorization endpoint)
    ACCESS_DENIED("access_denied"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    SERVER_ERROR("server_error"),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable"),
    // RFC 6750 §3.1 (bearer token usage)
    INVALID_TOKEN("invalid_token"),
    INSUFFICIENT_SCOPE("insufficient_scope"),
    // RFC 7009 §2.2.1 (revocation)
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type"),
    // RFC 8628 §3.5 (device authorization grant)
    AUTHORIZATION_PENDING("authorization_pending"),
    SLOW_DOWN("slow_down"),
    EXPIRED_TOKEN("expired_token"),
    // RFC 8707 §2 (resource indicators)
    INVALID_TARGET("invalid_target"),
    // RFC 9449 §5 (DPoP)
    INVALID_DPOP_PROOF("invalid_dpop_proof"),
    // OIDC Core §3.1.2.6 (authentication error response)
    INTERACTION_REQUIRED("interaction_required"),
    LOGIN_REQUIRED("login_required"),
    ACCOUNT_SELECTION_REQUIRED("account_selection_required"),
    CONSENT_REQUIRED("consent_required"),
    INVALID_REQUEST_URI("invalid_request_uri"),
    INVALID_REQUEST_OBJECT("invalid_request_object"),
    REQUEST_NOT_SUPPORTED("request_not_supported"),
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported"),
    REGISTRATION_NOT_SUPPORTED("registration_not_supported"),
    // RFC 7591 §3.2.2 (dynamic client registration)
    INVALID_REDIRECT_URI("invalid_redirect_uri"),
    INVALID_CLIENT_METADATA("invalid_client_metadata");

    private final String value;

    StandardErrorCode(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
