/**
 * Users' consents stored in {@code user_consent}, one row per user and registered client, behind
 * the ConsentRepository port.
 */
package dev.portcullis.oauth.adapters.persistence.consent;
