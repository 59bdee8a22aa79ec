package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.domain.grant.GrantType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The grant handlers of one server, by grant type. Immutable and thread-safe.
 */
public final class GrantHandlerRegistry {

    private final Map<GrantType, GrantHandler> handlers;

    /**
     * @param handlers the handlers, in the order discovery lists them
     * @throws IllegalStateException when two handlers serve one grant type
     */
    public GrantHandlerRegistry(List<GrantHandler> handlers) {
        Map<GrantType, GrantHandler> byType = new LinkedHashMap<>();
        for (GrantHandler handler : handlers) {
            Objects.requireNonNull(handler, "handler");
            GrantType type = Objects.requireNonNull(handler.grantType(), "grantType");
            GrantHandler previous = byType.putIfAbsent(type, handler);
            if (previous != null) {
                throw new IllegalStateException("two grant handlers for grant type " + type + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.handlers = Collections.unmodifiableMap(byType);
    }

    /** The handlers listed in {@code META-INF/services} files visible to {@code loader}. */
    public static List<GrantHandler> discover(ClassLoader loader) {
        List<GrantHandler> found = new ArrayList<>();
        ServiceLoader.load(GrantHandler.class, loader).forEach(found::add);
        return List.copyOf(found);
    }

    /** The handler of {@code type}; empty when the grant type is not enabled. */
    public Optional<GrantHandler> find(GrantType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /** The enabled grant types, in registration order. */
    public Set<GrantType> grantTypes() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
