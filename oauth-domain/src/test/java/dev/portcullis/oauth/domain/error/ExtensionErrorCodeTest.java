package dev.portcullis.oauth.domain.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionErrorCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"invalid_otp", "otp expired", "!#[]~", " "})
    void constructorWhenErrorCharsThenAccepted(String value) { // RFC 6749 A.7: %x20-21 / %x23-5B / %x5D-7E
        ExtensionErrorCode code = new ExtensionErrorCode(value);

        assertEquals(value, code.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "quote\"", "back\\slash", "tab\t", "caf\u00e9", "del\u007F"})
    void constructorWhenNotErrorCharsThenIllegalArgument(String value) { // RFC 6749 A.7
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new ExtensionErrorCode(value));

        assertEquals("error code must be 1*( %x20-21 / %x23-5B / %x5D-7E ) (RFC 6749 A.7)", thrown.getMessage());
    }

    @ParameterizedTest
    @EnumSource(StandardErrorCode.class)
    void constructorWhenStandardCodeThenIllegalArgument(StandardErrorCode standard) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new ExtensionErrorCode(standard.value()));

        assertEquals("use StandardErrorCode." + standard.name() + " for " + standard.value(), thrown.getMessage());
    }
}
