/**
 * Token revocation (RFC 7009): access tokens, and refresh tokens with their whole family; the
 * in-memory copy of the deny list that JWT access token checks ask.
 */
package dev.portcullis.oauth.application.revocation;
