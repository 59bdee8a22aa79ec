package dev.portcullis.oauth.application.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://as.example.com", "https://as.example.com:8443", "https://as.example.com/tenant/a",
            "http://localhost:8080", "http://localhost", "http://127.0.0.1:8080", "http://[::1]:8080"})
    void ofWhenHttpsOrLoopbackHttpThenAccepted(String issuer) { // RFC 8414 §2
        ServerSettings settings = ServerSettings.of(URI.create(issuer));

        assertEquals(URI.create(issuer), settings.issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://as.example.com", "http://localhost.example.com", "ftp://as.example.com",
            "/relative", "as.example.com", "https:as.example.com", "https:///path"})
    void ofWhenNotHttpsAndNotLoopbackHttpThenIllegalArgument(String issuer) { // RFC 8414 §2
        URI uri = URI.create(issuer);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> ServerSettings.of(uri));

        assertEquals("issuer must be an https URL (http only on localhost)", thrown.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://as.example.com?tenant=a", "https://as.example.com?", "https://as.example.com#top",
            "https://as.example.com#", "https://user@as.example.com"})
    void ofWhenQueryFragmentOrUserInfoThenIllegalArgument(String issuer) { // RFC 8414 §2
        URI uri = URI.create(issuer);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> ServerSettings.of(uri));

        assertEquals("issuer must have no query, fragment or user info (RFC 8414 §2)", thrown.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://as.example.com/", "https://as.example.com/tenant/"})
    void ofWhenTrailingSlashThenIllegalArgument(String issuer) {
        URI uri = URI.create(issuer);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> ServerSettings.of(uri));

        assertEquals("issuer must not end with a slash", thrown.getMessage());
    }

    @Test
    void ofWhenCalledThenAudienceIsIssuerAndRs256Only() {
        ServerSettings settings = ServerSettings.of(URI.create("https://as.example.com"));

        assertEquals("https://as.example.com", settings.accessTokenAudience());
        assertEquals(SigningAlgorithm.RS256, settings.signingAlgorithm());
        assertEquals(Set.of(SigningAlgorithm.RS256), settings.enabledSigningAlgorithms());
    }

    @Test
    void constructorWhenDefaultAlgorithmNotEnabledThenIllegalArgument() {
        Set<SigningAlgorithm> enabled = EnumSet.of(SigningAlgorithm.ES256);
        URI issuer = URI.create("https://as.example.com");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings(issuer, "api", SigningAlgorithm.RS256, enabled));

        assertEquals("the default signing algorithm must be enabled", thrown.getMessage());
    }

    @Test
    void constructorWhenAudienceBlankThenIllegalArgument() {
        Set<SigningAlgorithm> enabled = EnumSet.of(SigningAlgorithm.RS256);
        URI issuer = URI.create("https://as.example.com");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings(issuer, " ", SigningAlgorithm.RS256, enabled));

        assertEquals("accessTokenAudience must not be blank", thrown.getMessage());
    }

    @Test
    void endpointWhenPathGivenThenBelowIssuer() {
        ServerSettings settings = ServerSettings.of(URI.create("https://as.example.com/tenant"));

        URI token = settings.endpoint("/token");

        assertEquals(URI.create("https://as.example.com/tenant/token"), token);
    }
}
