package dev.portcullis.oauth.adapters.rest.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParserTest {

    private static final OAuthError MALFORMED = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The request body is not valid application/x-www-form-urlencoded.");

    @Test
    void parseWhenPairsThenEachNameWithItsValue() {
        Map<String, String> form = parse("grant_type=client_credentials&scope=read");

        assertEquals(Map.of("grant_type", "client_credentials", "scope", "read"), form);
    }

    @Test
    void parseWhenPlusThenSpace() { // RFC 6749 Appendix B
        Map<String, String> form = parse("scope=read+write");

        assertEquals(Map.of("scope", "read write"), form);
    }

    @Test
    void parseWhenPercentEncodedUtf8ThenDecoded() { // RFC 6749 Appendix B
        Map<String, String> form = parse("na%6De=caf%C3%A9%2B%26%3D%25");

        assertEquals(Map.of("name", "café+&=%"), form);
    }

    @Test
    void parseWhenLowerCaseHexThenDecoded() {
        Map<String, String> form = parse("a=%c3%a9");

        assertEquals(Map.of("a", "é"), form);
    }

    @Test
    void parseWhenRawUtf8BytesThenDecoded() {
        Map<String, String> form = parse("a=é");

        assertEquals(Map.of("a", "é"), form);
    }

    @Test
    void parseWhenEmptyBodyThenNoParameters() {
        assertEquals(Map.of(), parse(""));
    }

    @Test
    void parseWhenEmptyPairsThenSkipped() {
        Map<String, String> form = parse("&a=1&&b=2&");

        assertEquals(Map.of("a", "1", "b", "2"), form);
    }

    @Test
    void parseWhenEmptyValueThenOmitted() { // RFC 6749 §3.1
        Map<String, String> form = parse("grant_type=client_credentials&scope=&client_secret");

        assertEquals(Map.of("grant_type", "client_credentials"), form);
    }

    @Test
    void parseWhenValueContainsEqualsThenSplitAtFirst() {
        Map<String, String> form = parse("a=b=c");

        assertEquals(Map.of("a", "b=c"), form);
    }

    @Test
    void parseWhenNameRepeatedThenInvalidRequestNamingIt() { // RFC 6749 §3.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("scope=read&scope=write"));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The scope parameter is repeated."),
                thrown.error());
    }

    @Test
    void parseWhenNameRepeatedWithSameValueThenInvalidRequest() { // RFC 6749 §3.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("scope=read&scope=read"));

        assertEquals("The scope parameter is repeated.", thrown.error().description());
    }

    @Test
    void parseWhenNameRepeatedWithEmptyValueThenInvalidRequest() { // RFC 6749 §3.1, §3.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("client_secret=&client_secret=x"));

        assertEquals("The client_secret parameter is repeated.", thrown.error().description());
    }

    @Test
    void parseWhenNameRepeatedInAnotherEncodingThenInvalidRequest() { // RFC 6749 §3.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("grant_type=a&grant%5Ftype=b"));

        assertEquals("The grant_type parameter is repeated.", thrown.error().description());
    }

    @Test
    void parseWhenUnusualNameRepeatedThenInvalidRequestWithoutEchoingIt() { // RFC 6749 §3.2
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("a%22b=1&a%22b=2"));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "A request parameter is repeated."),
                thrown.error());
    }

    @Test
    void parseWhenPercentNotFollowedByHexThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("a=%zz"));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenPercentTruncatedAtEndThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("a=%4"));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenPercentTruncatedBeforeAmpersandThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("a=%&b=1"));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenMalformedEscapeInNameThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("%G1=x"));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenEscapesAreNotUtf8ThenInvalidRequest() { // RFC 6749 Appendix B
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("a=%C3%28"));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenEmptyNameThenInvalidRequest() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> parse("=value"));

        assertEquals(MALFORMED, thrown.error());
    }

    @Test
    void parseWhenLengthShorterThanArrayThenOnlyThatPrefixRead() {
        byte[] body = "a=1&b=2".getBytes(StandardCharsets.US_ASCII);

        Map<String, String> form = FormParser.parse(body, 3);

        assertEquals(Map.of("a", "1"), form);
    }

    private static Map<String, String> parse(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return FormParser.parse(bytes, bytes.length);
    }
}
