/**
 * Scopes (RFC 6749 §3.3): the scope-token value, scope sets, their descriptions and the narrowing policy.
 */
package dev.portcullis.oauth.domain.scope;
