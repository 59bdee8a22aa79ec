/**
 * Grant types (RFC 6749 §1.3, §4.5): an open vocabulary whose built-in values are constants.
 */
package dev.portcullis.oauth.domain.grant;
