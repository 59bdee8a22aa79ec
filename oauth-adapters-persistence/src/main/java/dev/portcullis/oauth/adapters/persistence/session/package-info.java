/**
 * Browser sessions stored by the hash of their cookie in {@code browser_session}, behind the
 * BrowserSessionRepository port.
 */
package dev.portcullis.oauth.adapters.persistence.session;
