package dev.portcullis.oauth.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "s6BhdRkqt3", "client id with spaces", "~!#$%&'()*+,-./:;<=>?@[\\]^_`{|}\"", "~"})
    void isValidWhenVisibleAsciiThenTrue(String value) { // RFC 6749 A.1: %x20-7E
        boolean valid = ClientId.isValid(value);

        assertTrue(valid);
    }

    @Test
    void isValidWhenLowestAndHighestAllowedCharactersThenTrue() { // RFC 6749 A.1: %x20-7E
        String value = "a\u0020\u007Ea";

        boolean valid = ClientId.isValid(value);

        assertTrue(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "new\nline", "del\u007F", "unit\u001F", "caf\u00e9", "snow\u2603"})
    void isValidWhenCharacterOutsideVisibleAsciiThenFalse(String value) { // RFC 6749 A.1: %x20-7E
        boolean valid = ClientId.isValid(value);

        assertFalse(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {" leading", "trailing ", " ", "  both  "})
    void isValidWhenSpaceAtEitherEndThenFalse(String value) {
        boolean valid = ClientId.isValid(value);

        assertFalse(valid);
    }

    @Test
    void isValidWhenEmptyThenFalse() {
        boolean valid = ClientId.isValid("");

        assertFalse(valid);
    }

    @Test
    void isValidWhenNullThenFalse() {
        boolean valid = ClientId.isValid(null);

        assertFalse(valid);
    }

    @Test
    void isValidWhenMaxLengthThenTrue() {
        String value = "a".repeat(ClientId.MAX_LENGTH);

        boolean valid = ClientId.isValid(value);

        assertTrue(valid);
    }

    @Test
    void isValidWhenLongerThanMaxLengthThenFalse() {
        String value = "a".repeat(ClientId.MAX_LENGTH + 1);

        boolean valid = ClientId.isValid(value);

        assertFalse(valid);
    }

    @Test
    void constructorWhenInvalidThenIllegalArgumentWithSyntax() { // RFC 6749 A.1
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new ClientId(" x"));

        assertEquals("client_id must be 1 to 255 characters of %x20-7E (RFC 6749 A.1)", thrown.getMessage());
    }

    @Test
    void constructorWhenNullThenNullPointer() {
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> new ClientId(null));

        assertEquals("value", thrown.getMessage());
    }

    @Test
    void toStringWhenCalledThenValue() {
        ClientId id = new ClientId("s6BhdRkqt3");

        String text = id.toString();

        assertEquals("s6BhdRkqt3", text);
    }
}
