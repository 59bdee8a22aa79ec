/**
 * Contract test suites for the repository ports: subclass one per adapter (in-memory, H2, PostgreSQL).
 */
package dev.portcullis.oauth.application.contract;
