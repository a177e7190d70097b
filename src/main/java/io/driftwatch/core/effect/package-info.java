/**
 * What a migration does to a schema, statement by statement: {@link
 * io.driftwatch.core.effect.StatementEffects} reads each statement as {@link
 * io.driftwatch.core.effect.Effect}s on named {@link io.driftwatch.core.effect.SchemaObject}s, and
 * {@link io.driftwatch.core.effect.ObjectSet} tells which of them a database holds. {@link
 * io.driftwatch.core.effect.Preflight} plays pending migrations over a database's objects to
 * predict P3018. The pre-flight of pending migrations, the triage of failed and phantom ones and
 * the rollback SQL of the resolution plan are all built on these.
 */
package io.driftwatch.core.effect;
