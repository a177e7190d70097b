package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.SourceLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A key of the project's Prisma config that driftwatch cannot read without running the file (a
 * function call, a value from the environment, a spread): never guessed at. One finding per key,
 * naming it and what to set on the environment instead.
 */
public final class PrismaConfigNotStaticRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "DH008",
          "PRISMA_CONFIG_NOT_STATIC",
          Severity.WARNING,
          "A key of prisma.config.ts cannot be read without running the file; driftwatch does not"
              + " guess it.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public boolean readsMigrateHistory() {
    return false;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    SourceLayout layout = context.source().layout();
    if (layout.config().isEmpty()) {
      return List.of();
    }
    String config = layout.config().get();
    List<Finding> findings = new ArrayList<>();
    for (SourceLayout.Unread unread : layout.unread()) {
      findings.add(
          TYPE.about(
              config + " " + unread.key(),
              TYPE.severity(),
              "`"
                  + config
                  + "` sets "
                  + (unread.key().equals("(config)")
                      ? "its whole config"
                      : "`" + unread.key() + "`")
                  + " in a way driftwatch cannot read without running it: "
                  + unread.reason()
                  + ". "
                  + consequence(unread.key()),
              fix(unread.key())));
    }
    return findings;
  }

  private static String consequence(String key) {
    return switch (key) {
      case "schema" -> "The schema was not read: drift and coverage miss what it declares.";
      case "tables.external", "enums.external", "tables", "enums" ->
          "The objects it lists are not left out: drift may report what Prisma does not manage.";
      case "views", "views.path" -> "The views folder is not shown in the layout.";
      case "datasource", "datasource.url", "datasource.shadowDatabaseUrl" ->
          "Nothing depends on it: driftwatch connects only to the environment's databaseUrl and"
              + " shadow settings.";
      default -> "Prisma's defaults were used for what it may set.";
    };
  }

  private static String fix(String key) {
    return switch (key) {
      case "schema" ->
          "Set source.schemaPath on the environment (PUT /api/v1/environments/{name}), or write"
              + " the path in the config as a string literal or `path.join(__dirname, ...)`.";
      case "migrations", "migrations.path" ->
          "Set source.migrationsPath on the environment, or write the path as a string literal.";
      case "tables.external", "enums.external", "tables", "enums" ->
          "Add the objects to the environment's ignore list (`ignore`: [\"public.users\"]), or"
              + " list them in the config as string literals.";
      default ->
          "Write the value as a literal in the config, or set source.schemaPath and"
              + " source.migrationsPath on the environment.";
    };
  }
}
