/**
 * Outbound: fetches the JWK Sets of {@code private_key_jwt} clients from their {@code jwks_uri}, guarded by Resilience4j.
 */
package dev.portcullis.oauth.adapters.rest.jwks;
