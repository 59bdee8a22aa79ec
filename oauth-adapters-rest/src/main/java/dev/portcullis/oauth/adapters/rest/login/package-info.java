/**
 * The login page, {@code /login}: the sign-in form and the client address used to limit failed attempts.
 */
package dev.portcullis.oauth.adapters.rest.login;
