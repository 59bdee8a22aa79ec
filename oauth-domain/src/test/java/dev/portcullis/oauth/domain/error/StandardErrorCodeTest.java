package dev.portcullis.oauth.domain.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandardErrorCodeTest {

    /** Every code with the spec text it comes from, copied from the RFCs rather than derived from the enum. */
    private static final Map<String, String> SPEC_VALUES = Map.ofEntries(
            // RFC 6749 §5.2
            Map.entry("INVALID_REQUEST", "invalid_request"),
            Map.entry("INVALID_CLIENT", "invalid_client"),
            Map.entry("INVALID_GRANT", "invalid_grant"),
            Map.entry("UNAUTHORIZED_CLIENT", "unauthorized_client"),
            Map.entry("UNSUPPORTED_GRANT_TYPE", "unsupported_grant_type"),
            Map.entry("INVALID_SCOPE", "invalid_scope"),
            // RFC 6749 §4.1.2.1
            Map.entry("ACCESS_DENIED", "access_denied"),
            Map.entry("UNSUPPORTED_RESPONSE_TYPE", "unsupported_response_type"),
            Map.entry("SERVER_ERROR", "server_error"),
            Map.entry("TEMPORARILY_UNAVAILABLE", "temporarily_unavailable"),
            // RFC 6750 §3.1
            Map.entry("INVALID_TOKEN", "invalid_token"),
            Map.entry("INSUFFICIENT_SCOPE", "insufficient_scope"),
            // RFC 7009 §2.2.1
            Map.entry("UNSUPPORTED_TOKEN_TYPE", "unsupported_token_type"),
            // RFC 8628 §3.5
            Map.entry("AUTHORIZATION_PENDING", "authorization_pending"),
            Map.entry("SLOW_DOWN", "slow_down"),
            Map.entry("EXPIRED_TOKEN", "expired_token"),
            // RFC 8707 §2
            Map.entry("INVALID_TARGET", "invalid_target"),
            // RFC 9449 §5
            Map.entry("INVALID_DPOP_PROOF", "invalid_dpop_proof"),
            // OIDC Core §3.1.2.6
            Map.entry("INTERACTION_REQUIRED", "interaction_required"),
            Map.entry("LOGIN_REQUIRED", "login_required"),
            Map.entry("ACCOUNT_SELECTION_REQUIRED", "account_selection_required"),
            Map.entry("CONSENT_REQUIRED", "consent_required"),
            Map.entry("INVALID_REQUEST_URI", "invalid_request_uri"),
            Map.entry("INVALID_REQUEST_OBJECT", "invalid_request_object"),
            Map.entry("REQUEST_NOT_SUPPORTED", "request_not_supported"),
            Map.entry("REQUEST_URI_NOT_SUPPORTED", "request_uri_not_supported"),
            Map.entry("REGISTRATION_NOT_SUPPORTED", "registration_not_supported"),
            // RFC 7591 §3.2.2
            Map.entry("INVALID_REDIRECT_URI", "invalid_redirect_uri"),
            Map.entry("INVALID_CLIENT_METADATA", "invalid_client_metadata"));

    @Test
    void valuesWhenListedThenExactlyTheSpecCodes() {
        Map<String, String> actual = Arrays.stream(StandardErrorCode.values())
                .collect(Collectors.toMap(StandardErrorCode::name, StandardErrorCode::value));

        assertEquals(SPEC_VALUES, actual);
    }

    @ParameterizedTest
    @EnumSource(StandardErrorCode.class)
    void valueWhenReadThenLowerCaseOfConstantName(StandardErrorCode code) {
        String value = code.value();

        assertEquals(code.name().toLowerCase(Locale.ROOT), value);
    }
}
