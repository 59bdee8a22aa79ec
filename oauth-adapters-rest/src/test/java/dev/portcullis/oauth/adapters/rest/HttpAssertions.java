package dev.portcullis.oauth.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** Assertions on the exact shape of Portcullis HTTP responses. */
public final class HttpAssertions {

    private HttpAssertions() {
    }

    /**
     * Asserts an RFC 6749 §5.2 error: the status, JSON content type, {@code Cache-Control: no-store},
     * {@code Pragma: no-cache}, and the body word for word.
     */
    public static void assertError(HttpResponse<String> response, int status, String error, String description) {
        assertEquals(status, response.statusCode(), () -> "status; body " + response.body());
        assertEquals("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}", response.body());
        assertEquals(Optional.of("application/json;charset=UTF-8"), response.headers().firstValue("Content-Type"));
        assertNoStore(response);
    }

    /** Asserts {@code Cache-Control: no-store} and {@code Pragma: no-cache} (RFC 6749 §5.1). */
    public static void assertNoStore(HttpResponse<String> response) {
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertEquals(List.of("no-cache"), response.headers().allValues("Pragma"));
    }
}
