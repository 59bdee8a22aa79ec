package dev.portcullis.oauth.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping of the YAML file with the path that led to it, so that every error names its key.
 */
final class ConfigNode {

    private final JsonNode node;
    private final String path;

    ConfigNode(JsonNode node, String path) {
        this.node = Objects.requireNonNull(node, "node");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** An empty mapping, for an absent section. */
    static ConfigNode empty(String path) {
        return new ConfigNode(JsonNodeFactory.instance.objectNode(), path);
    }

    /** Refuses keys outside {@code known}: a typo must not silently fall back to a default. */
    ConfigNode requireKnownKeys(Set<String> known) {
        if (!node.isObject()) {
            throw new ConfigurationException(display(), "must be a mapping");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigurationException(key(name), "unknown key");
            }
        }
        return this;
    }

    Optional<String> text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBinary()) {
            throw new ConfigurationException(key(name), "must be a single value");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw new ConfigurationException(key(name), "must not be empty");
        }
        return Optional.of(text);
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new ConfigurationException(key(name), "must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    Optional<ConfigNode> section(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new ConfigurationException(key(name), "must be a mapping");
        }
        return Optional.of(new ConfigNode(value, key(name)));
    }

    /** The raw JSON of a mapping value, e.g. a JWK set. */
    Optional<JsonNode> raw(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    List<String> texts(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ConfigurationException(key(name), "must be a list");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                throw new ConfigurationException(key(name) + "[" + i + "]", "must be a non-empty value");
            }
            texts.add(item.asText());
        }
        return texts;
    }

    List<ConfigNode> sections(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ConfigurationException(key(name), "must be a list");
        }
        List<ConfigNode> sections = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemPath = key(name) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw new ConfigurationException(itemPath, "must be a mapping");
            }
            sections.add(new ConfigNode(value.get(i), itemPath));
        }
        return sections;
    }

    /** The full key of a child, e.g. {@code clients[0].scope}. */
    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String display() {
        return path.isEmpty() ? "configuration file" : path;
    }
}
