package io.driftwatch.core.replay;

import io.driftwatch.core.catalog.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The schema the applied migrations produce, as the shadow replay found it: a catalog, or the
 * migration that failed to replay (Prisma's P3006) with the database's error.
 *
 * @param shadowServerMajorVersion the major version of the server the replay ran on
 * @param shadowExtensions the extensions that server can install
 * @param cached true when the catalog came from the store, without a replay
 * @param pendingFailures the pending (and re-run failed) migrations that failed while the replay
 *     went on past them (see {@link ReplayPlan.ReplayStep#goesOnPastFailure()}); the catalog is
 *     then what the others build
 * @param rerunFailed the failed migrations the replay ran again where they stand (see {@link
 *     ReplayPlan.ReplayStep.Kind#FAILED}): what follows them was replayed on that assumption, which
 *     {@link #assumption()} states
 */
public record ExpectedSchema(
    Optional<Catalog> catalog,
    Optional<ReplayFailure> failure,
    int shadowServerMajorVersion,
    Set<String> shadowExtensions,
    boolean cached,
    List<ReplayFailure> pendingFailures,
    List<String> rerunFailed) {

  /**
   * A migration whose script did not replay to its end on the shadow database.
   *
   * @param sqlState the database's SQLSTATE; empty when the script was not sent
   * @param error what the database or the sandbox said, of bounded length
   * @param cause whether the script failed by itself, or the sandbox stopped it
   * @param extension for {@link Cause#EXTENSION_UNAVAILABLE}, the extension; else empty
   */
  public record ReplayFailure(
      String migration, String sqlState, String error, Cause cause, String extension) {

    /** Why a replay stopped. */
    public enum Cause {
      /** The script's own error: Prisma's shadow database would fail the same way. */
      SCRIPT_ERROR,
      /**
       * The sandbox refused what the script did: a privilege the replay role does not have (a file,
       * a program, a role, the server's settings, another session) or one of its limits (time,
       * temporary files).
       */
      REFUSED,
      /**
       * The script was not sent: over the replay size limit, or built to keep the server's SQL
       * lexer busy.
       */
      NOT_SENT,
      /**
       * The script installs an extension the sandbox cannot: untrusted (needs a superuser), or not
       * on the server.
       */
      EXTENSION_UNAVAILABLE;

      /** The script itself is at fault, not the sandbox: what Prisma would see too. */
      public boolean scriptsOwn() {
        return this == SCRIPT_ERROR;
      }
    }

    public ReplayFailure {
      sqlState = sqlState == null ? "" : sqlState;
      extension = extension == null ? "" : extension;
      Objects.requireNonNull(cause, "cause");
    }

    /** The script's own error. */
    public ReplayFailure(String migration, String sqlState, String error) {
      this(migration, sqlState, error, Cause.SCRIPT_ERROR, "");
    }

    /** {@code SQLSTATE: error}, or the sandbox's reason alone when nothing was sent. */
    public String quoted() {
      return sqlState.isEmpty() ? error : sqlState + ": " + error;
    }

    /**
     * What happened to the migration, after its name: "fails: 42P01: relation …", "was not
     * replayed: …".
     */
    public String verdict() {
      return switch (cause) {
        case SCRIPT_ERROR -> "fails: " + quoted();
        case REFUSED -> "was stopped by the replay sandbox: " + quoted();
        case NOT_SENT -> "was not replayed: " + quoted();
        case EXTENSION_UNAVAILABLE ->
            "needs the extension `"
                + extension
                + "`, which the shadow server cannot "
                + "install for an unprivileged role: "
                + quoted();
      };
    }
  }

  public ExpectedSchema {
    shadowExtensions = Set.copyOf(shadowExtensions);
    pendingFailures = List.copyOf(pendingFailures);
    rerunFailed = List.copyOf(rerunFailed);
  }

  public ExpectedSchema(
      Optional<Catalog> catalog,
      Optional<ReplayFailure> failure,
      int shadowServerMajorVersion,
      Set<String> shadowExtensions,
      boolean cached) {
    this(
        catalog, failure, shadowServerMajorVersion, shadowExtensions, cached, List.of(), List.of());
  }

  /**
   * The failures of these pending migrations: those the replay went on past, and the one it stopped
   * at if it is one of them.
   */
  public List<ReplayFailure> failuresOf(Set<String> pending) {
    List<ReplayFailure> failures = new ArrayList<>(pendingFailures);
    failure.filter(stop -> pending.contains(stop.migration())).ifPresent(failures::add);
    return failures.stream().filter(f -> pending.contains(f.migration())).toList();
  }

  /** This result with the pending migrations that failed on the way. */
  public ExpectedSchema withPendingFailures(List<ReplayFailure> failures) {
    return new ExpectedSchema(
        catalog,
        failure,
        shadowServerMajorVersion,
        shadowExtensions,
        cached,
        failures,
        rerunFailed);
  }

  /** This result of a replay that ran these failed migrations again. */
  public ExpectedSchema withRerunFailed(List<String> migrations) {
    return new ExpectedSchema(
        catalog,
        failure,
        shadowServerMajorVersion,
        shadowExtensions,
        cached,
        pendingFailures,
        migrations);
  }

  /**
   * Whether every replay of the same scripts on the same server ends this way, so the outcome may
   * be kept: every failure is the script's own, with the database's SQLSTATE, or asks for an
   * extension the server does not have at all (the content key names the server's extensions, so
   * the replay runs again once it has it). A sandbox refusal, a timeout, an extension the server
   * has but the sandbox cannot install, a script not sent or a session that ended may go otherwise
   * next time.
   */
  public boolean settled() {
    return Stream.concat(failure.stream(), pendingFailures.stream()).allMatch(this::settles);
  }

  private boolean settles(ReplayFailure failure) {
    return switch (failure.cause()) {
      case SCRIPT_ERROR -> !failure.sqlState().isEmpty();
      case EXTENSION_UNAVAILABLE ->
          !failure.extension().isEmpty() && !shadowExtensions.contains(failure.extension());
      case REFUSED, NOT_SENT -> false;
    };
  }

  /**
   * The failures of the failed migrations the replay ran again: each failed again the same way or
   * another.
   */
  public List<ReplayFailure> rerunFailures() {
    return failuresOf(Set.copyOf(rerunFailed));
  }

  /**
   * What the replay assumed of the failed migrations it ran again, and what came of it: empty when
   * it ran none. Said wherever a result past a failed migration is quoted.
   */
  public Optional<String> assumption() {
    if (rerunFailed.isEmpty()) {
      return Optional.empty();
    }
    Map<String, ReplayFailure> failed = new HashMap<>();
    rerunFailures().forEach(f -> failed.put(f.migration(), f));
    List<String> outcomes = new ArrayList<>();
    for (String migration : rerunFailed) {
      ReplayFailure again = failed.get(migration);
      outcomes.add(
          "`"
              + migration
              + "` "
              + (again == null
                  ? "replayed cleanly"
                  : "failed again ("
                      + again.quoted()
                      + ") and what follows was replayed without it"));
    }
    String names = String.join(", ", rerunFailed.stream().map(name -> "`" + name + "`").toList());
    return Optional.of(
        "assuming "
            + names
            + " resolved as the plan resolves a failed migration (`prisma migrate "
            + "resolve --rolled-back`, then deploy runs its script as the folder has it now): "
            + String.join("; ", outcomes));
  }

  public static ExpectedSchema of(Catalog catalog, Set<String> shadowExtensions, boolean cached) {
    return new ExpectedSchema(
        Optional.of(catalog),
        Optional.empty(),
        catalog.serverMajorVersion(),
        shadowExtensions,
        cached);
  }

  public static ExpectedSchema failed(
      ReplayFailure failure, int shadowServerMajorVersion, Set<String> shadowExtensions) {
    return new ExpectedSchema(
        Optional.empty(), Optional.of(failure), shadowServerMajorVersion, shadowExtensions, false);
  }
}
