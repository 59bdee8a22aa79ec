package dev.portcullis.oauth.runtime.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.Username;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code users} list of the embedded identity backend.
 */
final class UserEntryParser {

    private static final Set<String> KEYS = Set.of("username", "password", "password_hash", "sub", "claims");
    private static final ObjectMapper JSON = new ObjectMapper();

    private UserEntryParser() {
    }

    static List<UserEntry> parse(ConfigNode root) {
        List<UserEntry> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode entry : root.sections("users")) {
            entry.requireKnownKeys(KEYS);
            String username = entry.text("username")
                    .orElseThrow(() -> new ConfigurationException(entry.key("username"), "is required"));
            if (!Username.isValid(username)) {
                throw new ConfigurationException(entry.key("username"), "must be 1 to 255 characters without control characters");
            }
            if (!names.add(username)) {
                throw new ConfigurationException(entry.key("username"), "duplicate username");
            }
            Optional<String> password = entry.text("password");
            Optional<String> hash = entry.text("password_hash");
            if (password.isPresent() == hash.isPresent()) {
                throw new ConfigurationException(entry.key("password"), "give password or password_hash, not both and not neither");
            }
            if (password.isPresent() && password.get().length() > Password.MAX_LENGTH) {
                throw new ConfigurationException(entry.key("password"), "must be at most 1024 characters");
            }
            Optional<String> sub = entry.text("sub");
            sub.ifPresent(s -> subject(entry.key("sub"), s));
            users.add(new UserEntry(username, password, hash, sub, claims(entry)));
        }
        return users;
    }

    private static void subject(String key, String value) {
        try {
            new Subject(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, "must be 1 to 255 visible ASCII characters (OIDC Core §2)");
        }
    }

    private static Map<String, Object> claims(ConfigNode entry) {
        Optional<JsonNode> raw = entry.raw("claims");
        if (raw.isEmpty()) {
            return Map.of();
        }
        if (!raw.get().isObject()) {
            throw new ConfigurationException(entry.key("claims"), "must be a mapping of claim names to values");
        }
        if (raw.get().has("sub")) {
            throw new ConfigurationException(entry.key("claims") + ".sub", "give the subject as the user's sub key");
        }
        Map<String, Object> claims = JSON.convertValue(raw.get(), new TypeReference<Map<String, Object>>() { });
        claims.forEach((name, value) -> {
            if (value == null) {
                throw new ConfigurationException(entry.key("claims") + "." + name, "must not be empty");
            }
        });
        return claims;
    }
}
