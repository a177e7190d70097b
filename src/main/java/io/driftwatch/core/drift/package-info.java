/**
 * Schema drift: {@link io.driftwatch.core.drift.SchemaDiff} compares the catalog the migrations
 * build with the database's and lists each {@link io.driftwatch.core.drift.Drift} with the SQL of
 * both directions. {@link io.driftwatch.core.drift.CatchUpMigration} turns the drift into a
 * migration that records the database as it is; {@link io.driftwatch.core.drift.RestorePlan} into
 * the SQL that brings the database back.
 */
package io.driftwatch.core.drift;
