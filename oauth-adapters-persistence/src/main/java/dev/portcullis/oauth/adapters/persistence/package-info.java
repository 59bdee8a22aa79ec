/**
 * The database adapter: {@link dev.portcullis.oauth.adapters.persistence.PersistenceUnit} migrates the schema and
 * serves the repository ports through Hibernate, on PostgreSQL or H2.
 */
package dev.portcullis.oauth.adapters.persistence;
