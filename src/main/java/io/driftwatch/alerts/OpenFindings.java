package io.driftwatch.alerts;

import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.store.OpenFindingEntity;
import io.driftwatch.store.OpenFindingRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An environment's open findings, their acknowledgements, and test notifications. */
@ApplicationScoped
public class OpenFindings {

  private final EnvironmentService environments;
  private final OpenFindingRepository openFindings;
  private final AlertRecorder recorder;

  public OpenFindings(
      EnvironmentService environments, OpenFindingRepository openFindings, AlertRecorder recorder) {
    this.environments = environments;
    this.openFindings = openFindings;
    this.recorder = recorder;
  }

  public Uni<List<OpenFinding>> list(String environment) {
    return Panache.withSession(
        () ->
            environments
                .find(environment)
                .flatMap(entity -> openFindings.forEnvironment(entity.id))
                .map(
                    found ->
                        found.stream()
                            .sorted(
                                Comparator.comparing((OpenFindingEntity f) -> f.firstSeenAt)
                                    .thenComparing(f -> f.fingerprint))
                            .map(OpenFinding::of)
                            .toList()));
  }

  /** Silences reminders about a finding, until a time or for good; the finding stays open. */
  public Uni<OpenFinding> acknowledge(
      String environment, String fingerprint, Instant until, String comment) {
    return Panache.withTransaction(
        () ->
            find(environment, fingerprint)
                .invoke(
                    finding -> {
                      finding.acknowledgedAt = Instant.now();
                      finding.acknowledgedUntil = until;
                      finding.acknowledgedComment = comment;
                    })
                .map(OpenFinding::of));
  }

  public Uni<OpenFinding> unacknowledge(String environment, String fingerprint) {
    return Panache.withTransaction(
        () ->
            find(environment, fingerprint)
                .invoke(
                    finding -> {
                      finding.acknowledgedAt = null;
                      finding.acknowledgedUntil = null;
                      finding.acknowledgedComment = null;
                    })
                .map(OpenFinding::of));
  }

  /** Queues a test message to every destination of the environment; returns how many. */
  public Uni<Integer> sendTest(String environment) {
    return Panache.withTransaction(
        () ->
            environments
                .find(environment)
                .flatMap(
                    entity -> {
                      if (!recorder.hasDestination(entity)) {
                        return Uni.createFrom()
                            .failure(new NoAlertDestinationException(environment));
                      }
                      return recorder.test(entity);
                    }));
  }

  private Uni<OpenFindingEntity> find(String environment, String fingerprint) {
    return environments
        .find(environment)
        .flatMap(entity -> openFindings.find(entity.id, fingerprint))
        .onItem()
        .ifNull()
        .failWith(() -> new OpenFindingNotFoundException(environment, fingerprint));
  }
}
