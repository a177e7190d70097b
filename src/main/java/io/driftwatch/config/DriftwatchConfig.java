package io.driftwatch.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code driftwatch.*} setting, typed and defaulted (environment: {@code DRIFTWATCH_*}). */
@ConfigMapping(prefix = "driftwatch")
public interface DriftwatchConfig {

  /**
   * Where driftwatch keeps its own files: the embedded database, a generated master key, the demo.
   */
  @WithDefault("${user.home}/.driftwatch")
  String dataDir();

  /**
   * Base64 of a 256-bit key that encrypts stored credentials (DRIFTWATCH_MASTER_KEY). Without one,
   * credentials are refused, except in the quick start, which generates one into {@code
   * <data-dir>/master.key}.
   */
  Optional<String> masterKey();

  /**
   * Keys that sealed credentials before the current one (DRIFTWATCH_PREVIOUS_MASTER_KEYS, comma
   * separated): still read, and moved to the current key by {@code POST /api/v1/secrets/reseal}.
   */
  Optional<List<String>> previousMasterKeys();

  /**
   * A bootstrap admin token (DRIFTWATCH_ADMIN_TOKEN, at least 24 characters) so a fresh install can
   * issue its own tokens. Without one, the quick start generates one into {@code
   * <data-dir>/admin.token}.
   */
  Optional<String> adminToken();

  /**
   * Set by the start command when it runs the embedded store: the quick start then generates the
   * master key and the admin token it needs. Not for production.
   */
  @WithDefault("false")
  boolean quickStart();

  /**
   * Management endpoints served without a token (DRIFTWATCH_PUBLIC_ENDPOINTS, comma-separated:
   * {@code metrics}, {@code openapi}). By default only /q/health is open; the rest of /q needs a
   * viewer.
   */
  Optional<List<String>> publicEndpoints();

  /**
   * Set to true (DRIFTWATCH_DEMO=true) to create the demo environment at start-up: a database that
   * reproduces a real incident, audited right away.
   */
  @WithDefault("false")
  boolean demo();

  /**
   * A MySQL or MariaDB server for the MySQL demo (DRIFTWATCH_DEMO_MYSQL_URL): a {@code mysql://}
   * URL of an account that may create and drop database {@code driftwatch_demo} there. Set, the
   * demo environment {@code demo-mysql} can be created ({@code POST /api/v1/demo/mysql}, and at
   * start-up with DRIFTWATCH_DEMO=true).
   */
  Optional<String> demoMysqlUrl();

  Embedded embedded();

  Access access();

  /** Bearer tokens: how many wrong ones a client may send before it is refused for a while. */
  interface Access {
    /** Failed authentications (unknown, revoked or malformed token) from one client address... */
    @WithDefault("10")
    int maxFailedAttempts();

    /**
     * ...within this window; past them, that address's requests with a token are answered 429 for
     * one window, whatever the token.
     */
    @WithDefault("1m")
    Duration failureWindow();
  }

  Outbound outbound();

  /**
   * Where driftwatch may connect for databases and git (alert webhooks have their own allow-list).
   */
  interface Outbound {
    /**
     * Addresses (CIDR) and host names never connected to: by default link-local ranges, where cloud
     * metadata services answer (169.254.169.254 and friends).
     */
    @WithDefault(
        "169.254.0.0/16,fe80::/10,fd00:ec2::254/128,100.100.100.200/32,metadata.google.internal")
    List<String> deny();

    /** When set, only these addresses (CIDR) and host names; empty allows any not denied. */
    Optional<List<String>> allow();
  }

  Target target();

  Source source();

  Audit audit();

  /** The embedded PostgreSQL the start command runs when no datasource is configured. */
  interface Embedded {
    /** Its port (read before start-up by the main class; declared here so the key is known). */
    @WithDefault("54329")
    int port();
  }

  /** Connections to watched databases. */
  interface Target {
    /** Time to establish a connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Server-side statement_timeout of every query, and the client-side bound of a whole read. */
    @WithDefault("15s")
    Duration statementTimeout();

    /** Server-side lock_timeout: driftwatch never waits behind a migration's locks. */
    @WithDefault("2s")
    Duration lockTimeout();

    /** An idle pooled connection to a target is closed after this. */
    @WithDefault("60s")
    Duration idleTimeout();

    /**
     * At most this many targets keep a (one-connection) pool open; the least recently audited is
     * closed first. Bounds the connections 1,000 environments hold, whatever their schedules.
     */
    @WithDefault("32")
    int maxOpenPools();
  }

  /**
   * Reading migrations folders. The defaults fit the Dockerfile's heap ({@code -Xmx256m}): see
   * README "Robustness" for what an audit holds of its scripts and why.
   */
  interface Source {
    /** A migration.sql larger than this is not read (a finding says so). */
    @WithDefault("16777216")
    long maxScriptBytes();

    /**
     * All scripts and schema files of a folder together may not exceed this: the audit ends with an
     * error. An audit holds them until it ends; 64 MiB, not the 256 MiB it was, which no 256 MiB
     * heap could hold.
     */
    @WithDefault("67108864")
    long maxTotalBytes();

    /**
     * The largest {@code .tar.gz} a check may upload, compressed
     * (DRIFTWATCH_SOURCE_MAX_UPLOAD_BYTES); unpacked, it is held to the two bounds above. Keep it
     * below {@code quarkus.http.limits.max-body-size} (10 MiB).
     */
    @WithDefault("8388608")
    long maxUploadBytes();

    /**
     * Where uploaded projects are unpacked (DRIFTWATCH_SOURCE_UPLOAD_DIR): one owner-only folder
     * per check, deleted when it ends. Outside the data dir, which no source reads.
     */
    @WithDefault("${java.io.tmpdir}/driftwatch-uploads")
    String uploadDir();

    /**
     * What the audits in progress may hold of their folders at once, across environments: scripts,
     * schema files and {@code ScriptMemory.PER_MIGRATION_BYTES} a migration. An audit that would go
     * over waits for others to end ({@link #heldWait()}). Unset: a third of the JVM's maximum heap
     * (85 MiB at the Dockerfile's -Xmx256m), so a larger heap admits larger or more audits at once.
     */
    Optional<Long> maxHeldBytes();

    /**
     * How long an audit waits for {@link #maxHeldBytes()} to have room before it ends with an
     * error.
     */
    @WithDefault("60s")
    Duration heldWait();

    /**
     * Folders (DRIFTWATCH_SOURCE_ROOTS, comma-separated, absolute) below which path sources and
     * {@code file://} git repositories may be read, real paths compared. Unset: none, except the
     * demo's own folder under the data dir. Whatever the roots, driftwatch's own files in the data
     * dir (master key, admin token, embedded store, git mirrors) are never read as a source.
     */
    Optional<List<String>> roots();
  }

  Git git();

  Schedule schedule();

  Metrics metrics();

  Alerts alerts();

  /** Slack and webhook alerts. */
  Board board();

  /** The web board. */
  interface Board {
    /**
     * How long a sign-in lasts (DRIFTWATCH_BOARD_SESSION_TTL); the token's revocation ends it too.
     */
    @WithDefault("8h")
    Duration sessionTtl();
  }

  interface Alerts {
    /**
     * Default Slack incoming webhook for environments without their own (a secret: keep it in the
     * environment). A new one is told, at start-up, of the findings already open.
     */
    Optional<String> slackWebhookUrl();

    /** Hosts alerts may be sent to (DRIFTWATCH_ALERTS_ALLOWED_HOSTS, comma-separated). */
    @WithDefault("hooks.slack.com")
    List<String> allowedHosts();

    /**
     * Ports alerts may be sent to (DRIFTWATCH_ALERTS_ALLOWED_PORTS, comma-separated ports or ranges
     * such as 8000-8999); a URL without a port means its scheme's default (443 for https).
     */
    @WithDefault("443")
    List<String> allowedPorts();

    /** Allow http:// webhooks (only for a local test receiver; Slack is https). */
    @WithDefault("false")
    boolean allowPlainHttp();

    /**
     * The service's external URL, for links to reports in messages, e.g.
     * https://driftwatch.example.com.
     */
    Optional<String> externalBaseUrl();

    /** How often the outbox is looked at. */
    @WithDefault("5s")
    String deliveryInterval();

    /**
     * Bound of one delivery, the answer included; a sender's claim on a message lasts twice this
     * plus 10 s.
     */
    @WithDefault("10s")
    Duration requestTimeout();

    /** While a finding stays open and unacknowledged, a reminder after this long. */
    @WithDefault("24h")
    Duration reminderInterval();

    /**
     * Wait before the first retry after a 5xx or a network error; doubled each time, at most an
     * hour.
     */
    @WithDefault("5s")
    Duration firstBackoff();

    /**
     * A message still undelivered after this many attempts is given up: kept in the outbox as
     * FAILED, counted, listed by {@code GET /api/v1/alerts/deliveries?state=failed} until retried.
     */
    @WithDefault("25")
    int maxAttempts();
  }

  /** Scheduled audits. */
  interface Schedule {
    /** The schedule of an environment registered without one: every 15 minutes. */
    @WithDefault("0 */15 * * * ?")
    String defaultCron();

    /**
     * How many scheduled audits run at once on one replica (Quartz threads; each holds one target
     * connection).
     */
    @WithDefault("4")
    int concurrency();
  }

  /** What /q/metrics shows. */
  interface Metrics {
    /**
     * How often each replica reads every environment's latest audits from the store into its
     * gauges, so that all replicas show the same, audits run elsewhere and deleted environments
     * included.
     */
    @WithDefault("30s")
    Duration refreshInterval();
  }

  /** Git sources. */
  interface Git {
    /** Where the bare mirrors are kept; default {@code <data-dir>/git}. */
    Optional<String> cacheDir();

    /**
     * A repository is fetched at most once per this interval, whatever the number of environments
     * on it.
     */
    @WithDefault("60s")
    Duration fetchInterval();

    /** Network timeout of a clone or fetch. */
    @WithDefault("120s")
    Duration timeout();

    /** The history walk that explains findings stops after this many commits... */
    @WithDefault("20000")
    int historyMaxCommits();

    /** ...or after this long; the explanations then say the walk was cut. */
    @WithDefault("5s")
    Duration historyTimeout();
  }

  Shadow shadow();

  /**
   * The shadow server: where migrations are replayed to learn the schema they build. driftwatch
   * connects to it as a manager that only creates and drops what a replay needs; each replay runs
   * as a role created for it, with no privilege outside the scratch database it owns, under the
   * limits below.
   */
  interface Shadow {
    /**
     * A Prisma-style URL of the manager (DRIFTWATCH_SHADOW_URL): a PostgreSQL role with CREATEDB
     * and CREATEROLE, or a superuser, on a server of its own with no data; default: the service's
     * own server. It never runs migration SQL. Use the watched servers' major version and
     * extensions.
     */
    Optional<String> url();

    /**
     * Where the migrations of MySQL and MariaDB environments are replayed
     * (DRIFTWATCH_SHADOW_MYSQL_URL): a {@code mysql://} URL of an account that may create and drop
     * databases and users and grant on them ({@code CREATE USER}, {@code CREATE}, {@code DROP}, and
     * {@code ALL PRIVILEGES ... WITH GRANT OPTION} on the scratch databases), on a server of its
     * own with no data, of the watched servers' kind and version. Unset: such environments' drift
     * is not compared (SD022), unless one names its own shadowDatabaseUrl.
     */
    Optional<String> mysqlUrl();

    /**
     * The database each scratch database is copied from (DRIFTWATCH_SHADOW_TEMPLATE): one with the
     * extensions a replay cannot install itself (untrusted ones, or ones it must not build) already
     * installed, marked {@code IS_TEMPLATE}. Default {@code template0}, the pristine one.
     */
    @WithDefault("template0")
    String template();

    /**
     * A replay that takes longer is stopped: its session cancelled, then ended, its scratch
     * database dropped.
     */
    @WithDefault("5m")
    Duration timeout();

    /**
     * How long driftwatch waits for a shadow server to accept a connection and give its first
     * answer (its facts): a server that accepts and never answers (a wrong port) is reported
     * unavailable after this, never waited on.
     */
    @WithDefault("10s")
    Duration connectTimeout();

    /**
     * How long a replay session that was cancelled (its replay past the timeout) has to stop before
     * its backend is terminated: a script may catch the cancel, not the termination.
     */
    @WithDefault("5s")
    Duration cancelGrace();

    /**
     * A migration.sql larger than this is not sent to the shadow server (a finding says so): the
     * server reads a script before any timeout can reach it.
     */
    @WithDefault("1048576")
    long maxScriptBytes();

    /**
     * statement_timeout of a replay session; a statement that runs longer is cancelled by the
     * server.
     */
    @WithDefault("60s")
    Duration statementTimeout();

    /** lock_timeout of a replay session. */
    @WithDefault("10s")
    Duration lockTimeout();

    /**
     * temp_file_limit of a replay session: a script cannot raise it. Only a superuser manager (or
     * one granted SET on temp_file_limit) can set it; otherwise the replay's time limits bound the
     * temporary files.
     */
    @WithDefault("1G")
    MemorySize tempFileLimit();

    /**
     * How often a replay has the sandboxes that replays on dead replicas, or failed teardowns, left
     * on its shadow server dropped, in the background (their names say when they were made; only
     * those older than twice the timeout are touched).
     */
    @WithDefault("10m")
    Duration sweepInterval();

    /** work_mem of a replay session. */
    @WithDefault("16M")
    MemorySize workMem();
  }

  /** Running audits. */
  interface Audit {
    /**
     * Every audit ends within this (DRIFTWATCH_AUDIT_TIMEOUT): one still running when it is nearly
     * up is stopped and stored as ERROR, naming the stage it was in. The last 30 s of it (half of
     * it, when shorter than a minute) are kept to store that ERROR audit.
     */
    @WithDefault("10m")
    Duration timeout();

    /**
     * An audit's lease on its environment expires this long after its owner last renewed it
     * (DRIFTWATCH_AUDIT_LEASE_ TIMEOUT): the owner renews it every third of this while the audit
     * runs, so the lease of a replica that died (kill -9, a lost node) is free again after at most
     * this long.
     */
    @WithDefault("15s")
    Duration leaseTimeout();

    /**
     * On SIGTERM, audits in flight get this long to finish (DRIFTWATCH_AUDIT_SHUTDOWN_GRACE); new
     * ones are refused (503). Those still running then are stopped, stored as ERROR "interrupted by
     * shutdown", and their leases freed.
     */
    @WithDefault("30s")
    Duration shutdownGrace();
  }
}
