package io.driftwatch.environment;

import io.driftwatch.access.ChangeLog;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.catalog.CatalogFilter;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.gate.GatePolicy;
import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.database.InvalidDatabaseUrlException;
import io.driftwatch.database.OutboundPolicy;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.TargetPools;
import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.source.InvalidSourceException;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.SourceBounds;
import io.driftwatch.source.SourceSpec;
import io.driftwatch.source.git.GitCredentials;
import io.driftwatch.source.git.GitSourceSpec;
import io.driftwatch.source.git.GitUrls;
import io.driftwatch.source.git.RepositoryPaths;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.EnvironmentRepository;
import io.driftwatch.store.SourceSpecJson;
import io.driftwatch.store.UniqueViolation;
import io.driftwatch.support.Blocking;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Creates, changes and removes watched environments; validates before anything is stored. */
@ApplicationScoped
public class EnvironmentService {

  private static final Logger LOG = Logger.getLogger(EnvironmentService.class);

  private final EnvironmentRepository environments;
  private final SecretCipher cipher;
  private final SourceSpecJson sourceJson;
  private final TargetPools pools;
  private final DatabaseDialects dialects;
  private final List<EnvironmentListener> listeners;
  private final AlertDestinationRules alertRules;
  private final OutboundPolicy outbound;
  private final ChangeLog changes;
  private final SourceBounds bounds;
  private final String defaultCron;

  public EnvironmentService(
      EnvironmentRepository environments,
      SecretCipher cipher,
      SourceSpecJson sourceJson,
      TargetPools pools,
      DatabaseDialects dialects,
      @All List<EnvironmentListener> listeners,
      AlertDestinationRules alertRules,
      OutboundPolicy outbound,
      ChangeLog changes,
      SourceBounds bounds,
      DriftwatchConfig config) {
    this.environments = environments;
    this.cipher = cipher;
    this.sourceJson = sourceJson;
    this.pools = pools;
    this.dialects = dialects;
    this.listeners = listeners;
    this.alertRules = alertRules;
    this.outbound = outbound;
    this.changes = changes;
    this.bounds = bounds;
    this.defaultCron = config.schedule().defaultCron();
  }

  /** Registers an environment; {@code actor} is who asked, for the change log. */
  public Uni<Environment> create(EnvironmentDraft draft, String actor) {
    if (draft.databaseUrl() == null) {
      return Uni.createFrom().failure(new InvalidEnvironmentException("databaseUrl is required"));
    }
    return Blocking.call(() -> validate(draft)).flatMap(url -> created(draft, url, actor));
  }

  private Uni<Environment> created(EnvironmentDraft draft, PrismaDatabaseUrl url, String actor) {
    return Panache.withTransaction(
            () ->
                environments
                    .findByName(draft.name())
                    .flatMap(
                        existing -> {
                          if (existing != null) {
                            return Uni.createFrom()
                                .failure(new EnvironmentExistsException(draft.name()));
                          }
                          EnvironmentEntity entity = new EnvironmentEntity();
                          entity.id = UUID.randomUUID();
                          entity.createdAt = Instant.now();
                          entity.scheduleCron = defaultCron;
                          apply(entity, draft, url);
                          return environments
                              .persist(entity)
                              .call(
                                  stored ->
                                      changes.record(
                                          actor,
                                          "environment.created",
                                          stored.name,
                                          EnvironmentChanges.created(toEnvironment(stored))));
                        }))
        .onFailure(UniqueViolation::is)
        .transform(e -> new EnvironmentExistsException(draft.name()))
        .map(this::toEnvironment)
        .call(environment -> saved(environment, environment.name()));
  }

  public Uni<List<Environment>> list() {
    return Panache.withSession(() -> environments.listByName())
        .map(entities -> entities.stream().map(this::toEnvironment).toList());
  }

  public Uni<Environment> get(String name) {
    return Panache.withSession(() -> find(name)).map(this::toEnvironment);
  }

  /**
   * Replaces an environment; a draft without databaseUrl keeps the stored one. Renames are allowed.
   */
  public Uni<Environment> update(String name, EnvironmentDraft draft, String actor) {
    return Blocking.call(() -> validate(draft)).flatMap(url -> updated(name, draft, url, actor));
  }

  private Uni<Environment> updated(
      String name, EnvironmentDraft draft, PrismaDatabaseUrl url, String actor) {
    return Panache.withTransaction(
            () ->
                find(name)
                    .flatMap(
                        entity -> {
                          Uni<Void> nameFree =
                              name.equals(draft.name())
                                  ? Uni.createFrom().voidItem()
                                  : environments
                                      .findByName(draft.name())
                                      .flatMap(
                                          other ->
                                              other == null
                                                  ? Uni.createFrom().voidItem()
                                                  : Uni.createFrom()
                                                      .failure(
                                                          new EnvironmentExistsException(
                                                              draft.name())));
                          return nameFree
                              .call(() -> lockIfAlertsChange(entity, draft))
                              .flatMap(
                                  ignored -> {
                                    Environment before = toEnvironment(entity);
                                    refuseKeptTokenOverHttp(entity, draft);
                                    AlertDestinationRules.Announcement newDestinations =
                                        alertRules.changedBy(entity, draft.alerts());
                                    // The pool stays: TargetPools rebuilds it when the URL
                                    // changed, and closing it here would cut an audit in flight.
                                    apply(entity, draft, url);
                                    return changes
                                        .record(
                                            actor,
                                            "environment.updated",
                                            name,
                                            EnvironmentChanges.updated(
                                                before, toEnvironment(entity), draft))
                                        // A destination new to the environment hears of what is
                                        // already open, in this same transaction.
                                        .call(() -> newDestinations.announce(entity))
                                        .replaceWith(entity);
                                  });
                        }))
        .onFailure(UniqueViolation::is)
        .transform(e -> new EnvironmentExistsException(draft.name()))
        .map(this::toEnvironment)
        .call(environment -> saved(environment, name));
  }

  /**
   * An update that sets a webhook reads the environment again under a row lock: two updates setting
   * the same new URL at once then see it new only once, and its destination is told of the open
   * findings once.
   */
  private static Uni<Void> lockIfAlertsChange(EnvironmentEntity entity, EnvironmentDraft draft) {
    if (draft.alerts() == null
        || (draft.alerts().slackWebhookUrl() == null && draft.alerts().webhookUrl() == null)) {
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession()
        .flatMap(session -> session.refresh(entity, LockModeType.PESSIMISTIC_WRITE));
  }

  public Uni<Void> delete(String name, String actor) {
    return Panache.withTransaction(
            () ->
                find(name)
                    .flatMap(
                        entity -> {
                          pools.evict(entity.id);
                          String details = EnvironmentChanges.deleted(toEnvironment(entity));
                          return environments
                              .delete(entity)
                              .call(
                                  () -> changes.record(actor, "environment.deleted", name, details))
                              .replaceWith(entity.id);
                        }))
        .flatMap(id -> told(listener -> listener.deleted(id, name), "deletion", name));
  }

  private Uni<Void> saved(Environment environment, String previousName) {
    return told(
        listener -> listener.saved(environment, previousName), "change", environment.name());
  }

  /**
   * Tells every listener, one after the other. The environment is already stored: a listener's
   * failure is logged and repaired by its sync at the next start, instead of failing a request
   * whose change has been made (a client retrying it would then hear 409).
   */
  private Uni<Void> told(
      Function<EnvironmentListener, Uni<Void>> event, String what, String environment) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (EnvironmentListener listener : listeners) {
      chain =
          chain.call(
              () ->
                  Uni.createFrom()
                      .deferred(() -> event.apply(listener))
                      .onFailure()
                      .invoke(
                          e ->
                              LOG.errorf(
                                  e, "the %s of %s was not followed through", what, environment))
                      .onFailure()
                      .recoverWithNull());
    }
    return chain;
  }

  /** The stored entity, or a failure naming the missing environment. Call inside a session. */
  public Uni<EnvironmentEntity> find(String name) {
    if (!EnvironmentName.valid(name)) {
      // No stored environment has such a name; do not send it (it may hold a NUL) to the database.
      return Uni.createFrom().failure(new EnvironmentNotFoundException(name));
    }
    return environments
        .findByName(name)
        .onItem()
        .ifNull()
        .failWith(() -> new EnvironmentNotFoundException(name));
  }

  /**
   * Opens the stored git credentials, if any; only audits need them in clear, and only in memory.
   */
  public GitCredentials sourceCredentials(EnvironmentEntity entity) {
    return entity.sourceSecret == null
        ? null
        : sourceJson.readCredentials(cipher.decrypt(entity.sourceSecret));
  }

  /**
   * Opens the environment's own shadow server URL, if any; only audits need it, and only in memory.
   */
  public Optional<PrismaDatabaseUrl> shadowUrl(EnvironmentEntity entity) {
    return entity.shadowUrlSecret == null
        ? Optional.empty()
        : Optional.of(dialects.parse(cipher.decrypt(entity.shadowUrlSecret)));
  }

  /** Opens the stored database URL; only audits need it in clear, and only in memory. */
  public PrismaDatabaseUrl databaseUrl(EnvironmentEntity entity) {
    return dialects.parse(cipher.decrypt(entity.databaseUrlSecret));
  }

  public Environment toEnvironment(EnvironmentEntity entity) {
    return new Environment(
        entity.id,
        entity.name,
        Tier.parse(entity.tier),
        entity.databaseUrlMasked,
        sourceJson.read(entity.source),
        entity.sourceSecret != null,
        new Schedule(entity.scheduleCron, entity.schedulePaused),
        entity.alertsWebhookSecret != null,
        entity.alertsGenericWebhookSecret != null,
        entity.alertsMinSeverity == null
            ? Tier.parse(entity.tier).defaultAlertSeverity()
            : Severity.valueOf(entity.alertsMinSeverity),
        entity.schemaIgnore.isEmpty() ? List.of() : List.of(entity.schemaIgnore.split("\n")),
        entity.shadowUrlSecret != null,
        entity.createdAt,
        entity.updatedAt,
        GatePolicy.DEFAULT.with(
            GateSetting.stored(entity.gateFailOn), GateSetting.stored(entity.gateWarnOn)));
  }

  private PrismaDatabaseUrl validate(EnvironmentDraft draft) {
    if (draft.gate() != null) {
      draft.gate().validate();
    }
    if (draft.ignore() != null) {
      try {
        CatalogFilter.of(draft.ignore());
      } catch (IllegalArgumentException e) {
        throw new InvalidEnvironmentException("ignore: " + e.getMessage());
      }
    }
    if (draft.source() instanceof GitSourceSpec git && git.url() != null) {
      refuseHost(RepositoryPaths.host(git.url()), "source.url");
    }
    if (draft.alerts() != null && draft.alerts().slackWebhookUrl() != null) {
      alertRules.check(draft.alerts().slackWebhookUrl());
    }
    if (draft.alerts() != null && draft.alerts().webhookUrl() != null) {
      alertRules.check(draft.alerts().webhookUrl());
    }
    PrismaDatabaseUrl url;
    try {
      validateSource(draft.source(), draft.credentials());
      url = draft.databaseUrl() == null ? null : dialects.parse(draft.databaseUrl());
    } catch (InvalidDatabaseUrlException | InvalidSourceException e) {
      throw new InvalidEnvironmentException(e.getMessage());
    }
    if (url != null) {
      refuseHost(url.host(), "databaseUrl");
    }
    if (draft.shadowDatabaseUrl() != null && !draft.shadowDatabaseUrl().isBlank()) {
      PrismaDatabaseUrl shadow;
      try {
        shadow = dialects.parse(draft.shadowDatabaseUrl().strip());
      } catch (InvalidDatabaseUrlException e) {
        throw new InvalidEnvironmentException("shadowDatabaseUrl: " + e.getMessage());
      }
      refuseHost(shadow.host(), "shadowDatabaseUrl");
      if (url != null && !shadow.provider().equals(url.provider())) {
        throw new InvalidEnvironmentException(
            "shadowDatabaseUrl must be a "
                + url.provider()
                + ":// server like databaseUrl: migrations replay on a server of the watched kind");
      }
      if (url != null
          && shadow.host().equals(url.host())
          && shadow.port() == url.port()
          && shadow.database().equals(url.database())) {
        throw new InvalidEnvironmentException(
            "shadowDatabaseUrl must not be the watched database: a replay writes");
      }
    }
    return url;
  }

  private void refuseHost(String host, String field) {
    if (host == null) {
      return;
    }
    String refusal = outbound.refusal(host);
    if (refusal != null) {
      throw new InvalidEnvironmentException(field + ": " + refusal);
    }
  }

  private void validateSource(SourceSpec source, GitCredentials credentials) {
    if (source instanceof PathSourceSpec path) {
      if (credentials != null) {
        throw new InvalidSourceException("source.credentials only apply to git sources");
      }
      path.validate(bounds);
    } else if (source instanceof GitSourceSpec git) {
      git.validate(credentials);
      String refusal = bounds.repositoryRefusal(git.url());
      if (refusal != null) {
        throw new InvalidSourceException("source.url: " + refusal);
      }
    }
  }

  /**
   * Stored git credentials stay only with a URL of the same scheme, host and port (another
   * repository there is fine).
   */
  private static boolean keepsCredentials(SourceSpec previous, GitSourceSpec next) {
    return previous instanceof GitSourceSpec stored && GitUrls.sameOrigin(stored.url(), next.url());
  }

  /**
   * A stored token may not stay with a plain-http URL. Only a row stored before tokens were refused
   * for http pairs them; the audit refuses it too, this says so at once.
   */
  private void refuseKeptTokenOverHttp(EnvironmentEntity entity, EnvironmentDraft draft) {
    if (draft.credentials() == null
        && entity.sourceSecret != null
        && draft.source() instanceof GitSourceSpec git
        && GitUrls.plainHttp(git.url())
        && keepsCredentials(sourceJson.read(entity.source), git)
        && sourceCredentials(entity).token() != null) {
      throw new InvalidEnvironmentException(
          "source.url is plain http and the stored source.credentials.token would be "
              + "kept, but a token is never sent over plain http: use the repository's https URL and send source.credentials");
    }
  }

  private void apply(EnvironmentEntity entity, EnvironmentDraft draft, PrismaDatabaseUrl url) {
    entity.name = draft.name();
    entity.tier = draft.tier().label();
    if (url != null) {
      entity.databaseUrlMasked = url.masked();
      entity.databaseUrlSecret = cipher.encrypt(url.raw());
    }
    SourceSpec previous = entity.source == null ? null : sourceJson.read(entity.source);
    entity.source = sourceJson.write(draft.source());
    if (!(draft.source() instanceof GitSourceSpec git)) {
      entity.sourceSecret = null;
    } else if (draft.credentials() != null) {
      entity.sourceSecret = cipher.encrypt(sourceJson.writeCredentials(draft.credentials()));
    } else if (!keepsCredentials(previous, git)) {
      // Credentials follow their URL: another scheme, host or port never receives them.
      entity.sourceSecret = null;
    }
    if (draft.alerts() != null) {
      if (draft.alerts().slackWebhookUrl() != null) {
        entity.alertsWebhookSecret = cipher.encrypt(draft.alerts().slackWebhookUrl().strip());
      }
      if (draft.alerts().webhookUrl() != null) {
        entity.alertsGenericWebhookSecret = cipher.encrypt(draft.alerts().webhookUrl().strip());
      }
      entity.alertsMinSeverity =
          draft.alerts().minSeverity() == null ? null : draft.alerts().minSeverity().name();
    }
    if (draft.shadowDatabaseUrl() != null) {
      entity.shadowUrlSecret =
          draft.shadowDatabaseUrl().isBlank()
              ? null
              : cipher.encrypt(draft.shadowDatabaseUrl().strip());
    }
    if (draft.ignore() != null) {
      entity.schemaIgnore = String.join("\n", draft.ignore());
    }
    if (draft.gate() != null) {
      entity.gateFailOn = GateSetting.store(draft.gate().failOn());
      entity.gateWarnOn = GateSetting.store(draft.gate().warnOn());
    }
    if (draft.schedule() != null) {
      entity.scheduleCron = draft.schedule().cron();
      entity.schedulePaused = draft.schedule().paused();
    }
    entity.updatedAt = Instant.now();
  }
}
