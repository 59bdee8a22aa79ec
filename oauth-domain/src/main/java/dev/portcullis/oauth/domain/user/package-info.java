/**
 * Users as the protocol sees them: a subject, its claims, and the credentials checked by the Identity Backend port.
 */
package dev.portcullis.oauth.domain.user;
