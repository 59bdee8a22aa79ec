/**
 * The embedded Identity Backend: users declared in configuration, passwords kept as PBKDF2 hashes.
 * For development and small deployments; larger ones call their identity service over HTTP.
 */
package dev.portcullis.oauth.application.identity;
