package io.driftwatch.board;

import io.driftwatch.audit.ReportJson;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.metrics.SchedulePeriod;
import io.driftwatch.store.AuditStandings;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.quartz.CronExpression;

/**
 * The fleet at a glance: every environment in one table, production first, read in one statement
 * from the audits' short summaries (never the reports). {@code ?fragment=rows} answers the table's
 * body alone, which the page fetches every few seconds to refresh itself.
 */
@PermitAll // who may see what is decided in the page: a stranger is sent to sign in, not given a
// 401
@Path("/")
public class FleetPage {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final AuditStandings standings;
  private final ReportJson json;
  private final CurrentIdentityAssociation identities;
  private final SchedulePeriod periods = new SchedulePeriod(TimeZone.getDefault());

  public FleetPage(
      AuditStandings standings, ReportJson json, CurrentIdentityAssociation identities) {
    this.standings = standings;
    this.json = json;
    this.identities = identities;
  }

  @GET
  @Produces(Pages.HTML)
  @Operation(hidden = true)
  public Uni<Response> fleet(
      @QueryParam("tier") String tier,
      @QueryParam("state") String state,
      @QueryParam("fragment") String fragment,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return Pages.forViewer(identities, uri, identity -> fleet(tier, state, fragment, headers));
  }

  private Uni<Response> fleet(String tier, String state, String fragment, HttpHeaders headers) {
    String tierFilter = tier != null && FleetView.TIERS.contains(tier) ? tier : "";
    String stateFilter = state != null && FleetView.STATES.contains(state) ? state : "";
    return standings
        .read(READ_TIMEOUT)
        .map(
            all -> {
              Instant now = Instant.now();
              // Environments share a handful of schedules: each cron is read once per page.
              Map<String, Optional<Instant>> nextFires = new HashMap<>();
              List<FleetRow> rows =
                  all.stream()
                      .map(standing -> row(standing, now, nextFires))
                      .filter(row -> tierFilter.isEmpty() || row.tier().equals(tierFilter))
                      .filter(
                          row -> stateFilter.isEmpty() || row.historyState().equals(stateFilter))
                      .sorted(
                          Comparator.comparingInt(
                                  (FleetRow row) -> FleetView.TIERS.indexOf(row.tier()))
                              .thenComparing(FleetRow::name))
                      .toList();
              FleetView view = new FleetView(rows, tierFilter, stateFilter, all.size());
              return Pages.page(
                  200,
                  "rows".equals(fragment)
                      ? BoardTemplates.fleetRows(view)
                      : BoardTemplates.fleet(view),
                  headers);
            });
  }

  private FleetRow row(
      AuditStandings.Standing standing, Instant now, Map<String, Optional<Instant>> nextFires) {
    AuditSummary summary =
        standing.latestSummary() == null ? null : json.summary(standing.latestSummary());
    Instant auditedAt =
        summary == null
            ? null
            : summary.finishedAt() != null ? summary.finishedAt() : summary.startedAt();
    Duration period = periods.of(standing.scheduleCron(), standing.schedulePaused(), now);
    Instant since = auditedAt != null ? auditedAt : standing.createdAt();
    boolean stale =
        !period.isZero()
            && since != null
            && Duration.between(since, now).compareTo(period.multipliedBy(3)) > 0;
    return new FleetRow(
        standing.name(),
        standing.tier(),
        summary,
        auditedAt,
        stale,
        standing.schedulePaused() || standing.scheduleCron() == null
            ? null
            : nextFires
                .computeIfAbsent(standing.scheduleCron(), cron -> next(cron, now))
                .orElse(null));
  }

  private static Optional<Instant> next(String cron, Instant now) {
    try {
      Date next = new CronExpression(cron).getNextValidTimeAfter(Date.from(now));
      return Optional.ofNullable(next).map(Date::toInstant);
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
