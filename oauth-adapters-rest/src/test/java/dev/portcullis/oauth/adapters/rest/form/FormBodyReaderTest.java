package dev.portcullis.oauth.adapters.rest.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.ClientErrorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyReaderTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final OAuthError WRONG_TYPE = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The request content type must be application/x-www-form-urlencoded.");

    private final FormBodyReader reader = new FormBodyReader(16);

    @Test
    void readWhenFormThenParameters() {
        Map<String, String> form = reader.read(FORM, -1, body("a=1&b=2"));

        assertEquals(Map.of("a", "1", "b", "2"), form);
    }

    @Test
    void readWhenTypeInOtherCaseWithUtf8CharsetThenParameters() {
        Map<String, String> form = reader.read("Application/X-WWW-Form-URLEncoded; charset=\"utf-8\"", -1, body("a=1"));

        assertEquals(Map.of("a", "1"), form);
    }

    @Test
    void readWhenCharsetIsNotUtf8ThenInvalidRequest() { // RFC 6749 Appendix B
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> reader.read(FORM + ";charset=ISO-8859-1", -1, body("a=1")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The request body must be encoded in UTF-8."),
                thrown.error());
    }

    @Test
    void readWhenJsonThenInvalidRequest() { // RFC 6749 §3.2
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> reader.read("application/json", -1, body("{}")));

        assertEquals(WRONG_TYPE, thrown.error());
    }

    @Test
    void readWhenNoContentTypeThenInvalidRequest() { // RFC 6749 §3.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> reader.read("", -1, body("a=1")));

        assertEquals(WRONG_TYPE, thrown.error());
    }

    @Test
    void readWhenTypeOnlyStartsLikeFormThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> reader.read(FORM + "x", -1, body("a=1")));

        assertEquals(WRONG_TYPE, thrown.error());
    }

    @Test
    void readWhenBodyAtLimitThenParameters() {
        Map<String, String> form = reader.read(FORM, 16, body("a=12345678901234"));

        assertEquals(Map.of("a", "12345678901234"), form);
    }

    @Test
    void readWhenDeclaredLengthOverLimitThen413AfterDiscardingTheBody() throws IOException {
        ByteArrayInputStream body = new ByteArrayInputStream("a=123456789012345".getBytes(StandardCharsets.UTF_8));

        ClientErrorException thrown = assertThrows(ClientErrorException.class, () -> reader.read(FORM, 17, body));

        assertEquals(413, thrown.getResponse().getStatus());
        assertEquals(0, body.available());
    }

    @Test
    void readWhenDeclaredLengthOverDiscardLimitThen413WithoutReading() {
        InputStream unread = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("must not be read");
            }
        };

        ClientErrorException thrown = assertThrows(ClientErrorException.class,
                () -> reader.read(FORM, RequestBodies.DISCARD_LIMIT + 1, unread));

        assertEquals(413, thrown.getResponse().getStatus());
    }

    @Test
    void readWhenStreamedBodyOverLimitThen413() {
        ClientErrorException thrown = assertThrows(ClientErrorException.class,
                () -> reader.read(FORM, -1, body("a=123456789012345")));

        assertEquals(413, thrown.getResponse().getStatus());
    }

    @Test
    void readWhenStreamFailsThenInvalidRequest() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        OAuthException thrown = assertThrows(OAuthException.class, () -> reader.read(FORM, -1, broken));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The request body could not be read."),
                thrown.error());
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
