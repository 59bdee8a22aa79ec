/**
 * The job lock on PostgreSQL: a transaction-scoped advisory lock, so that one instance at a time runs a background job.
 */
package dev.portcullis.oauth.adapters.persistence.job;
