package dev.portcullis.oauth.adapters.rest.admin;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Writes an {@link AdminRefusal}'s response as it was built. Thread-safe. */
public final class AdminRefusalMapper implements ExceptionMapper<AdminRefusal> {

    @Override
    public Response toResponse(AdminRefusal refusal) {
        return refusal.response();
    }
}
