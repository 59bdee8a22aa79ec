/**
 * The revocation endpoint, {@code POST /revoke} (RFC 7009).
 */
package dev.portcullis.oauth.adapters.rest.revocation;
