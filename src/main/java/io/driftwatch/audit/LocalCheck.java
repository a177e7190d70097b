package io.driftwatch.audit;

import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.gate.GatePolicy;
import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.SchemaReplays;
import io.driftwatch.environment.Environment;
import io.driftwatch.environment.Tier;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.adapters.MigrationSources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A check with no service: one database and one folder, gathered and judged by the service's own
 * parts, nothing stored. The command line wires the parts by hand rather than starting the
 * container (a command must answer in well under two seconds, JVM start included, and needs neither
 * a store nor HTTP) and closes them. The database is only read, in the read-only transaction an
 * audit uses.
 */
public final class LocalCheck {

  private final AuditJudging judging;

  public LocalCheck(MigrationSources sources, DatabaseDialects targets, SchemaReplays replays) {
    AuditEngine engine = new AuditEngine();
    this.judging = new AuditJudging(new AuditGatherer(sources, targets, replays, engine), engine);
  }

  /**
   * What to check.
   *
   * @param environment the name the report gives the database
   * @param tier the tier the policy's {@code @tier} selectors match
   * @param timeout the bound of the whole check
   */
  public record Request(
      String environment,
      Tier tier,
      PathSourceSpec source,
      PrismaDatabaseUrl database,
      GatePolicy policy,
      Duration timeout) {}

  /**
   * Gathers and judges, blocking the caller until the report is ready or the timeout is up.
   *
   * @throws io.smallrye.mutiny.TimeoutException when the check outlives its timeout
   */
  public CheckReport check(Request request) {
    Instant now = Instant.now();
    Environment environment =
        new Environment(
            UUID.randomUUID(),
            request.environment(),
            request.tier(),
            request.database().masked(),
            request.source(),
            false,
            null,
            false,
            false,
            null,
            List.of(),
            false,
            now,
            now,
            request.policy());
    AuditTarget target =
        new AuditTarget(
            environment.id(), environment, null, request.database(), null, Optional.empty(), null);
    AuditRun run = new AuditRun(request.environment(), request.timeout());
    AuditJudging.Judged judged =
        judging.gatheredAndJudged(run, target).await().atMost(request.timeout());
    return CheckReports.of(
        request.environment(), request.tier().label(), null, request.policy(), judged);
  }
}
