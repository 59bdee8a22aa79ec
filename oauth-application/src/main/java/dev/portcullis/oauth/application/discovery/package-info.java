/**
 * Server metadata (RFC 8414, OIDC Discovery 1.0) and the published JWK set (RFC 7517).
 */
package dev.portcullis.oauth.application.discovery;
