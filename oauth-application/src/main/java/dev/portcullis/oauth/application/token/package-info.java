/**
 * Minting tokens: RFC 9068 JWT access tokens and the unguessable values behind tokens and identifiers.
 */
package dev.portcullis.oauth.application.token;
