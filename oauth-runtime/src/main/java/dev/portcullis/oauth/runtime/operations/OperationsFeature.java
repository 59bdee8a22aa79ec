package dev.portcullis.oauth.runtime.operations;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;

/**
 * Registers the operations endpoints and listeners ({@code /health/*}, {@code /metrics}, request
 * metrics) in the Jersey application, beside the protocol's {@code PortcullisFeature}.
 */
public final class OperationsFeature implements Feature {

    private final List<Object> components;

    /** @param components resources and listeners, already built */
    public OperationsFeature(List<Object> components) {
        this.components = List.copyOf(components);
    }

    @Override
    public boolean configure(FeatureContext context) {
        components.forEach(context::register);
        return true;
    }
}
