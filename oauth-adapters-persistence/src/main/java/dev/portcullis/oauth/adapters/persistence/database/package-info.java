/**
 * Database plumbing shared by the repositories: Liquibase schema migration and one transaction per repository call.
 */
package dev.portcullis.oauth.adapters.persistence.database;
