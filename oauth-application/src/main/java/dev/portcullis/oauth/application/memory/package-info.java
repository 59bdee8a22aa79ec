/**
 * In-memory adapters of the domain's repository ports, for embedding without a database and for tests.
 */
package dev.portcullis.oauth.application.memory;
