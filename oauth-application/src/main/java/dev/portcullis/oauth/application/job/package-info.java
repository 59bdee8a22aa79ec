/**
 * Background jobs: recurring work (key rotation, pruning of expired rows) that one instance at a time runs, and a record of each job's last run.
 */
package dev.portcullis.oauth.application.job;
