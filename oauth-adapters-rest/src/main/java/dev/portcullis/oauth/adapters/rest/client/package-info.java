/**
 * Client credentials as presented at the token endpoint (RFC 6749 §2.3): the Basic header and the body parameters.
 */
package dev.portcullis.oauth.adapters.rest.client;
