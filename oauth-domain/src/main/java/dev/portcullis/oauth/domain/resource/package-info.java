/**
 * Resource servers (RFC 8707, RFC 9068 §3): the APIs that accept access tokens, their audience identifiers and scopes.
 */
package dev.portcullis.oauth.domain.resource;
