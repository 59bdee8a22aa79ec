package dev.portcullis.oauth.adapters.rest.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.domain.error.ExtensionErrorCode;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OAuthExceptionMapperTest {

    private final OAuthExceptionMapper mapper = new OAuthExceptionMapper();

    @Test
    void toResponseWhenInvalidGrantThen400() { // RFC 6749 §5.2
        Response response = mapper.toResponse(OAuthException.of(StandardErrorCode.INVALID_GRANT, "The code is invalid."));

        assertEquals(400, response.getStatus());
        assertEquals("{\"error\":\"invalid_grant\",\"error_description\":\"The code is invalid.\"}", body(response));
        assertEquals(List.of("no-store"), response.getHeaders().get("Cache-Control"));
        assertEquals(List.of("no-cache"), response.getHeaders().get("Pragma"));
    }

    @Test
    void toResponseWhenServerErrorThen500() { // RFC 6749 §4.1.2.1
        Response response = mapper.toResponse(OAuthException.of(StandardErrorCode.SERVER_ERROR, "Try again later."));

        assertEquals(500, response.getStatus());
    }

    @Test
    void toResponseWhenTemporarilyUnavailableThen503() { // RFC 6749 §4.1.2.1
        Response response = mapper.toResponse(OAuthException.of(StandardErrorCode.TEMPORARILY_UNAVAILABLE, "Try again later."));

        assertEquals(503, response.getStatus());
    }

    @Test
    void toResponseWhenExtensionCodeThen400WithItsCode() { // RFC 6749 §8.5
        Response response = mapper.toResponse(new OAuthException(
                new OAuthError(new ExtensionErrorCode("subject_unknown"), "The subject is unknown."), "no such subject"));

        assertEquals(400, response.getStatus());
        assertEquals("{\"error\":\"subject_unknown\",\"error_description\":\"The subject is unknown.\"}", body(response));
    }

    @Test
    void toResponseWhenInvalidClientOutsideARequestThen400WithoutChallenge() { // RFC 9110 §15.5.2
        Response response = mapper.toResponse(OAuthException.of(StandardErrorCode.INVALID_CLIENT, "Client authentication failed."));

        assertEquals(400, response.getStatus());
        assertEquals(null, response.getHeaderString("WWW-Authenticate"));
    }

    private static String body(Response response) {
        return new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
    }
}
