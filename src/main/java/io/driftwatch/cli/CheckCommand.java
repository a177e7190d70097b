package io.driftwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.audit.LocalCheck;
import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.audit.report.LayoutReport;
import io.driftwatch.core.gate.FindingSelector;
import io.driftwatch.core.gate.GatePolicy;
import io.driftwatch.database.DatabaseUrlParser;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.mysql.MySqlUrlSyntax;
import io.driftwatch.database.postgres.PostgresUrlSyntax;
import io.driftwatch.environment.InvalidEnvironmentException;
import io.driftwatch.environment.Tier;
import io.driftwatch.source.PathSourceSpec;
import io.quarkus.runtime.configuration.DurationConverter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code driftwatch check}: is the database in a state where these migrations will apply, and is
 * anything wrong that a deploy would make worse? Asked of a service ({@code --server}), or answered
 * here against a database and a folder ({@code --database-url}), with nothing stored.
 */
@Command(
    name = "check",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Checks a database against a branch's migrations before `prisma migrate deploy` runs.",
      "",
      "Through a service:  driftwatch check --server URL --environment NAME --ref SHA",
      "  (or --dir prisma instead of --ref: the folder is uploaded, for a commit the service"
          + " cannot fetch)",
      "Locally:            driftwatch check --database-url \"$DATABASE_URL\" [--dir prisma]"
          + " [--shadow-url URL]",
      "",
      "The token for --server is read from DRIFTWATCH_TOKEN. A local check only reads the"
          + " database; schema drift needs a shadow server (--shadow-url), else it says it was"
          + " skipped.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the policy passed (warnings too, without --strict)",
      "1:the policy failed",
      "2:the policy warned, with --strict",
      "3:the database, the source or the service could not be read",
      "4:bad usage, or a request the service refused"
    })
final class CheckCommand implements Callable<Integer> {

  private static final String LOCAL = "local";

  /** The service's default bound on an upload (DRIFTWATCH_SOURCE_MAX_UPLOAD_BYTES). */
  private static final long MAX_UPLOAD_BYTES = 8L * 1024 * 1024;

  @Spec CommandSpec spec;

  @Option(names = "--server", paramLabel = "URL", description = "A driftwatch service to ask.")
  URI server;

  @Option(
      names = "--environment",
      paramLabel = "NAME",
      description = "The service's environment; locally, the name the report gives the database.")
  String environment;

  @Option(
      names = "--ref",
      paramLabel = "REF",
      description = "The branch, tag or commit whose migrations are checked (with --server).")
  String ref;

  @Option(
      names = "--label",
      paramLabel = "NAME",
      description = "With --server and --dir: what the check calls the uploaded folder (its ref).")
  String label;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "The database to check locally, as Prisma takes it (postgresql:// or mysql://; read only).")
  String databaseUrl;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "The Prisma folder (or the project holding prisma.config.ts); default: ./prisma"
              + " when it exists, else the current folder.")
  Path dir;

  @Option(
      names = "--migrations",
      paramLabel = "PATH",
      description = "The migrations folder, relative to --dir (default: as the project says).")
  String migrations;

  @Option(
      names = "--schema",
      paramLabel = "PATH",
      description = "The schema file or folder, relative to --dir (default: as the project says).")
  String schema;

  @Option(
      names = "--shadow-url",
      paramLabel = "URL",
      description =
          "A PostgreSQL role that may CREATE DATABASE and CREATE ROLE on a server with no"
              + " data, to replay the migrations on and measure drift.")
  String shadowUrl;

  @Option(
      names = "--tier",
      paramLabel = "TIER",
      defaultValue = "production",
      description =
          "The tier the policy's @tier selectors match, locally (default: ${DEFAULT-VALUE}).")
  String tier;

  @Option(
      names = "--fail-on",
      paramLabel = "SELECTOR",
      split = ",",
      description =
          "Fail on these (CODE|FAMILY|*[:SEVERITY][@tier]), instead of the default policy.")
  List<String> failOn = new ArrayList<>();

  @Option(
      names = "--warn-on",
      paramLabel = "SELECTOR",
      split = ",",
      description = "Warn on these, instead of the default policy.")
  List<String> warnOn = new ArrayList<>();

  @Option(names = "--strict", description = "Exit 2 when the policy warns.")
  boolean strict;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json, markdown, github or sarif (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--migrations-folder",
      paramLabel = "PATH",
      description =
          "Where the migrations are in this checkout, for github and sarif (default:"
              + " the folder read; with --server, prisma/migrations).")
  String migrationsFolder;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description = "The bound of the whole check (default: ${DEFAULT-VALUE}).")
  String timeout;

  private final Map<String, String> environmentVariables;
  private final ObjectMapper json;
  private final String version;

  CheckCommand(Map<String, String> environmentVariables, ObjectMapper json, String version) {
    this.environmentVariables = environmentVariables;
    this.json = json;
    this.version = version;
  }

  @Override
  public Integer call() {
    OutputFormat output = format();
    Duration bound = bound();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Answer answer = server != null ? remote(bound) : local(bound);
      out.print(output.render(answer.check(), answer.files(), json, version));
      out.flush();
      return ExitCode.of(answer.check().verdict(), strict).code();
    } catch (CommandFailure failure) {
      err.println("driftwatch check: " + failure.getMessage());
      err.flush();
      return failure.exit().code();
    }
  }

  private record Answer(CheckReport check, MigrationFiles files) {}

  private Answer remote(Duration bound) throws CommandFailure {
    if (databaseUrl != null) {
      throw usage("--server and --database-url exclude each other");
    }
    if (environment == null || (ref == null && dir == null)) {
      throw usage("--server needs --environment, and --ref (or --dir, to upload a Prisma folder)");
    }
    if (ref != null && dir != null) {
      throw usage(
          "--ref and --dir exclude each other with --server: name a ref, or upload a folder");
    }
    String scheme = server.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw usage("--server must be an http:// or https:// URL");
    }
    policy(); // refuse a bad selector here, before the service is asked
    RemoteCheck service = new RemoteCheck(json);
    String token = environmentVariables.get("DRIFTWATCH_TOKEN");
    CheckReport check =
        ref != null
            ? service.check(server, environment, ref, failOn, warnOn, token, bound)
            : service.upload(
                server,
                environment,
                label != null ? label : "upload",
                FolderArchive.pack(folder(), MAX_UPLOAD_BYTES),
                failOn,
                warnOn,
                token,
                bound);
    return new Answer(
        check,
        new MigrationFiles(migrationsFolder != null ? migrationsFolder : "prisma/migrations"));
  }

  private Answer local(Duration bound) throws CommandFailure {
    if (databaseUrl == null) {
      throw usage("give --server (a service to ask) or --database-url (a database to check here)");
    }
    if (ref != null) {
      throw usage("--ref needs --server: a local check reads the folder as it is");
    }
    PrismaDatabaseUrl url = databaseUrl(databaseUrl, "--database-url");
    PrismaDatabaseUrl shadow = shadowUrl == null ? null : databaseUrl(shadowUrl, "--shadow-url");
    Tier tierOfCheck;
    try {
      tierOfCheck = Tier.parse(tier);
    } catch (InvalidEnvironmentException e) {
      throw usage("--" + e.getMessage());
    }
    Path folder = folder();
    PathSourceSpec source = new PathSourceSpec(folder.toString(), migrations, schema);
    try {
      source.migrationsRelative();
      source.schemaRelative();
    } catch (IllegalArgumentException e) {
      throw usage(
          e.getMessage()
              .replace("source.migrationsPath", "--migrations")
              .replace("source.schemaPath", "--schema"));
    }
    Map<String, String> config = new HashMap<>();
    config.put("driftwatch.source.roots", folder.toString());
    config.put(
        "driftwatch.data-dir",
        Path.of(
                System.getProperty("java.io.tmpdir"),
                "driftwatch-check-" + ProcessHandle.current().pid())
            .toString());
    if (shadow != null) {
      config.put(
          shadow.provider().equals(MySqlUrlSyntax.INSTANCE.scheme())
              ? "driftwatch.shadow.mysql-url"
              : "driftwatch.shadow.url",
          shadow.raw());
    }
    CheckReport check;
    try (LocalParts parts = LocalParts.open(CommandConfig.of(config))) {
      check =
          parts
              .check()
              .check(
                  new LocalCheck.Request(
                      environment != null ? environment : LOCAL,
                      tierOfCheck,
                      source,
                      url,
                      policy(),
                      bound));
    } catch (io.smallrye.mutiny.TimeoutException e) {
      throw new CommandFailure(
          ExitCode.UNREADABLE, "the check did not end within " + bound.toSeconds() + " s");
    }
    return new Answer(check, new MigrationFiles(filesFolder(folder, check)));
  }

  /**
   * The migrations folder as the checkout names it: relative to the working folder when below it.
   */
  private String filesFolder(Path folder, CheckReport check) {
    if (migrationsFolder != null) {
      return migrationsFolder;
    }
    LayoutReport layout = check.audit().source() == null ? null : check.audit().source().layout();
    Path read =
        layout != null && layout.migrations() != null && layout.migrations().path() != null
            ? folder.resolve(layout.migrations().path())
            : folder.resolve(migrations != null ? migrations : "migrations");
    Path working = Path.of("").toAbsolutePath().normalize();
    Path absolute = read.toAbsolutePath().normalize();
    return absolute.startsWith(working)
        ? working.relativize(absolute).toString()
        : absolute.toString();
  }

  private Path folder() throws CommandFailure {
    Path chosen = dir;
    if (chosen == null) {
      chosen = Files.isDirectory(Path.of("prisma")) ? Path.of("prisma") : Path.of("");
    }
    Path absolute = chosen.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw usage("--dir " + chosen + " is not a folder");
    }
    return absolute;
  }

  private GatePolicy policy() throws CommandFailure {
    try {
      return new GatePolicy(
          failOn.isEmpty() ? GatePolicy.DEFAULT.failOn() : selectors(failOn),
          warnOn.isEmpty() ? GatePolicy.DEFAULT.warnOn() : selectors(warnOn));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private static List<FindingSelector> selectors(List<String> texts) {
    return texts.stream().map(String::strip).map(FindingSelector::parse).toList();
  }

  /** A watched database or a shadow server: PostgreSQL or MySQL/MariaDB. */
  private PrismaDatabaseUrl databaseUrl(String text, String option) throws CommandFailure {
    try {
      return new DatabaseUrlParser(List.of(PostgresUrlSyntax.INSTANCE, MySqlUrlSyntax.INSTANCE))
          .parse(text);
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage().replace("databaseUrl", "the URL"));
    }
  }

  private OutputFormat format() {
    try {
      return OutputFormat.valueOf(format.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--format must be text, json, markdown, github or sarif, not '" + format + "'");
    }
  }

  private Duration bound() {
    try {
      Duration parsed = new DurationConverter().convert(timeout);
      if (parsed == null || parsed.isNegative() || parsed.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--timeout must be a duration such as 90s or 2m, not '" + timeout + "'");
    }
  }

  private static CommandFailure usage(String message) {
    return new CommandFailure(ExitCode.USAGE, message);
  }
}
