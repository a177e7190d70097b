/**
 * What a PostgreSQL database holds, as plain immutable records: tables with their columns,
 * constraints and indexes, enums, views, sequences and extensions. Two introspections of equal
 * schemas are {@code equals}: every list whose order carries no meaning is sorted by name, and
 * lists whose order does (columns, enum values, index keys, constraint columns) keep PostgreSQL's.
 * {@link io.driftwatch.core.catalog.CatalogDdl} renders the SQL that creates or drops each object;
 * {@link io.driftwatch.core.catalog.CatalogFilter} leaves out what an environment ignores.
 */
package io.driftwatch.core.catalog;
