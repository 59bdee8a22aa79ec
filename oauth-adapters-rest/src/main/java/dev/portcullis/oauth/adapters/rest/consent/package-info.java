/**
 * The consent page, {@code /consent}: the client, the requested scopes, and the Allow and Deny buttons.
 */
package dev.portcullis.oauth.adapters.rest.consent;
