package io.driftwatch.audit;

import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.environment.Environment;
import io.driftwatch.environment.EnvironmentService;
import io.driftwatch.secrets.SecretException;
import io.driftwatch.source.InvalidSourceException;
import io.driftwatch.source.UploadedSourceSpec;
import io.driftwatch.source.git.GitCredentials;
import io.driftwatch.source.git.GitSourceSpec;
import io.driftwatch.store.EnvironmentEntity;
import java.util.Optional;
import java.util.UUID;

/**
 * One environment as an audit needs it, its secrets opened once, in memory only: the environment,
 * the git credentials, the database URL and the shadow server. A stored URL that cannot be opened
 * is kept as the reason, for the report to name.
 *
 * @param credentials the git credentials in clear, null without
 * @param databaseUrl the watched database's URL, null when {@code databaseUrlError} says why not
 * @param shadow the environment's own shadow server, if any; null when {@code shadowError} says why
 */
record AuditTarget(
    UUID id,
    Environment environment,
    GitCredentials credentials,
    PrismaDatabaseUrl databaseUrl,
    String databaseUrlError,
    Optional<PrismaDatabaseUrl> shadow,
    String shadowError) {

  /** Opens what the stored environment keeps sealed. */
  static AuditTarget open(EnvironmentEntity entity, EnvironmentService environments) {
    Environment environment = environments.toEnvironment(entity);
    GitCredentials credentials = environments.sourceCredentials(entity);
    PrismaDatabaseUrl url = null;
    String urlError = null;
    try {
      url = environments.databaseUrl(entity);
    } catch (SecretException | IllegalArgumentException e) {
      urlError = "the stored database URL cannot be used: " + e.getMessage();
    }
    Optional<PrismaDatabaseUrl> shadow = null;
    String shadowError = null;
    try {
      shadow = environments.shadowUrl(entity);
    } catch (SecretException | IllegalArgumentException e) {
      shadowError = "the stored shadow database URL cannot be used: " + e.getMessage();
    }
    return new AuditTarget(entity.id, environment, credentials, url, urlError, shadow, shadowError);
  }

  /** The same target read from a project uploaded for a check, without credentials. */
  AuditTarget withUpload(UploadedSourceSpec upload) {
    return new AuditTarget(
        id,
        environment.withSource(upload),
        null,
        databaseUrl,
        databaseUrlError,
        shadow,
        shadowError);
  }

  /**
   * The same target read at another ref of its repository, with the same credentials.
   *
   * @throws InvalidCheckException when the source is not a git repository, or the ref not a valid
   *     name
   */
  AuditTarget atRef(String ref) {
    if (!(environment.source() instanceof GitSourceSpec git)) {
      throw new InvalidCheckException(
          "`"
              + environment.name()
              + "` reads a folder on the service's machine, which has no refs: a check at a ref"
              + " needs a git source");
    }
    GitSourceSpec atRef =
        new GitSourceSpec(git.url(), ref, git.path(), git.migrationsPath(), git.schemaPath());
    try {
      atRef.validate(credentials);
    } catch (InvalidSourceException e) {
      throw new InvalidCheckException(e.getMessage().replace("source.ref", "ref"));
    }
    return new AuditTarget(
        id,
        environment.withSource(atRef),
        credentials,
        databaseUrl,
        databaseUrlError,
        shadow,
        shadowError);
  }
}
