package io.driftwatch.core.engine;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.plan.DataPresence;
import io.driftwatch.core.plan.PlanInput;
import io.driftwatch.core.replay.ExpectedSchema;

/**
 * The plan's input, taken from an audit's input and result. It lives beside the engine so the
 * planner never sees the audit's records: it reads only what it plans from.
 */
public final class PlanInputs {

  private PlanInputs() {}

  public static PlanInput of(AuditInput input, AuditResult result, DataPresence data) {
    String schema =
        input
            .schema()
            .map(SchemaInput::migrationSchema)
            .orElseGet(() -> input.target().datasource().schema());
    return new PlanInput(
        result.history(),
        result.findings(),
        input.target().catalog(),
        result.schema().flatMap(SchemaContext::expected).flatMap(ExpectedSchema::catalog),
        input.schema().flatMap(SchemaInput::folder),
        input.evidence(),
        input.target().rowEstimates(),
        data,
        schema,
        result.schema().flatMap(SchemaContext::catchUp),
        result.schema().flatMap(SchemaContext::drift).map(SchemaDrift::size).orElse(0),
        result.pending(),
        input.source().paths(),
        Dialects.of(input.target()));
  }
}
