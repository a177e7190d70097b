/**
 * The pure audit engine: what Prisma Migrate has recorded, what the migrations folder holds, and
 * what follows from the two. Nothing here imports a framework; adapters fetch an {@link
 * io.driftwatch.core.AuditInput} first, then {@link io.driftwatch.core.engine.AuditEngine} runs as
 * a function over it.
 */
package io.driftwatch.core;
