/**
 * Server metadata (RFC 8414, OIDC Discovery 1.0) and the JWK set (RFC 7517), served with cache headers.
 */
package dev.portcullis.oauth.adapters.rest.discovery;
