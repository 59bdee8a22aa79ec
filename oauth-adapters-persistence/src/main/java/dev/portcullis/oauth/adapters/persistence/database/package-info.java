/**
 * Database plumbing shared by the repositories: Liquibase schema migration, one transaction per repository call or unit of work.
 */
package dev.portcullis.oauth.adapters.persistence.database;
