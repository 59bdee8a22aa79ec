/**
 * Refresh tokens stored by hash in {@code refresh_token}, and the deny list of revoked JWT access
 * tokens in {@code revoked_access_token}, behind their repository ports.
 */
package dev.portcullis.oauth.adapters.persistence.token;
