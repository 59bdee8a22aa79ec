/**
 * Browser sessions at the authorization server: who signed in, and when.
 */
package dev.portcullis.oauth.domain.session;
