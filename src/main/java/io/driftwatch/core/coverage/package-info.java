/**
 * Which parts of a Prisma schema the migrations create: {@link
 * io.driftwatch.core.coverage.Coverage} compares the schema with the catalog built by replaying the
 * applied migrations and with the live catalog, and reports each model, view, field, enum, enum
 * value and implicit join table as covered, live only, missing or (live not read) uncovered, with
 * the {@code prisma} commands that close the gap.
 */
package io.driftwatch.core.coverage;
