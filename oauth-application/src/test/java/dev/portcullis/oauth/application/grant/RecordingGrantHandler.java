package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A custom grant for tests: it declares the given parameters, records every context it is handed,
 * and mints a token for the client with the narrowed scope. Not thread-safe.
 */
public final class RecordingGrantHandler implements GrantHandler {

    /** The grant type of {@link #RecordingGrantHandler(String...)}. */
    public static final GrantType GRANT_TYPE = new GrantType("urn:example:params:grant-type:recording");

    private final GrantType grantType;
    private final Set<String> parameters;
    private final List<GrantContext> contexts = new ArrayList<>();

    /** Serves {@link #GRANT_TYPE} and reads {@code parameters}. */
    public RecordingGrantHandler(String... parameters) {
        this(GRANT_TYPE, parameters);
    }

    /** Serves {@code grantType} and reads {@code parameters}. */
    public RecordingGrantHandler(GrantType grantType, String... parameters) {
        this.grantType = Objects.requireNonNull(grantType, "grantType");
        this.parameters = Set.of(parameters);
    }

    @Override
    public GrantType grantType() {
        return grantType;
    }

    @Override
    public Set<String> parameters() {
        return parameters;
    }

    @Override
    public TokenResponse handle(GrantContext context) {
        contexts.add(context);
        Client client = context.client().registration();
        return context.tokens().accessTokenOnly(AccessGrant.forClient(client.id(),
                context.scopes().narrow(context.request().scope(), client.scopes())).via(grantType));
    }

    /** The contexts handed to {@link #handle}, in order. */
    public List<GrantContext> contexts() {
        return contexts;
    }
}
