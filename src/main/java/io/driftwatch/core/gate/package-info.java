/**
 * The CI gate: an audit's findings judged by a policy into a verdict a pipeline can branch on
 * ({@code PASS}, {@code WARN}, {@code FAIL}), with the findings that decided it. Pure, like the
 * rest of the engine.
 */
package io.driftwatch.core.gate;
