package dev.portcullis.oauth.domain.client;

/**
 * Client types of RFC 6749 §2.1.
 */
public enum ClientType {
    /** Able to keep a credential confidential (a server-side application). */
    CONFIDENTIAL,
    /** Unable to keep a credential (a browser or native application). */
    PUBLIC
}
