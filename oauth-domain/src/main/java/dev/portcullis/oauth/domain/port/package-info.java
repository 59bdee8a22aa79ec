/**
 * Outbound ports of the domain: interfaces the adapters implement (storage, signing, hashing, randomness, events).
 */
package dev.portcullis.oauth.domain.port;
