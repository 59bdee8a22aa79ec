package dev.portcullis.oauth.application.admin;

import java.util.Objects;

/**
 * The admin API's use cases, served together: {@link AdminAccess} guards every call.
 *
 * @param access  who may call
 * @param clients client registrations
 * @param scopes  scope definitions
 * @param users   consents and the revocation of a user's or a client's tokens
 * @param keys    signing keys: list, rotate, import
 */
public record AdminApi(AdminAccess access, ManageClients clients, ManageScopes scopes, ManageUsers users,
                       ManageKeys keys) {

    public AdminApi {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(keys, "keys");
    }
}
