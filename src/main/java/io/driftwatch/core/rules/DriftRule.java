package io.driftwatch.core.rules;

import static io.driftwatch.core.drift.DriftKind.*;
import static io.driftwatch.core.finding.Severity.*;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.Drift;
import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * One drift kind, one finding: a finding per drift of the kind, naming the object, what differs,
 * and both ways out with their exact SQL: record the database as it is (the catch-up migration,
 * then {@code prisma migrate resolve --applied}), or bring it back to what the migrations create.
 * Drift rules differ only by their kind and its finding type, so each is a row of {@link #all()}; a
 * finding is named after its kind.
 */
public final class DriftRule implements SchemaRule {

  /** Every drift kind's finding type, in the order the audit reports them. */
  private static final List<DriftRule> ALL =
      List.of(
          rule(
              UNTRACKED_TABLE,
              "SD001",
              WARNING,
              "A table is in the database but no applied migration creates it (db push or manual SQL)."),
          rule(
              UNTRACKED_COLUMN,
              "SD002",
              WARNING,
              "A column is in the database but no applied migration creates it."),
          rule(
              UNTRACKED_ENUM_VALUE,
              "SD003",
              WARNING,
              "An enum value is in the database but no applied migration adds it."),
          rule(
              UNTRACKED_INDEX,
              "SD004",
              WARNING,
              "An index is in the database but no applied migration creates it."),
          rule(
              UNTRACKED_CONSTRAINT,
              "SD005",
              WARNING,
              "A constraint is in the database but no applied migration creates it."),
          rule(
              MISSING_TABLE,
              "SD006",
              ERROR,
              "An applied migration creates a table the database does not have."),
          rule(
              MISSING_COLUMN,
              "SD007",
              ERROR,
              "An applied migration creates a column the database does not have."),
          rule(
              MISSING_ENUM_VALUE,
              "SD008",
              WARNING,
              "An applied migration adds an enum value the database does not have."),
          rule(
              MISSING_INDEX,
              "SD009",
              WARNING,
              "An applied migration creates an index the database does not have."),
          rule(
              MISSING_CONSTRAINT,
              "SD010",
              WARNING,
              "An applied migration creates a constraint the database does not have."),
          rule(
              CHANGED_COLUMN,
              "SD011",
              ERROR,
              "A column's type, nullability or default differs from what the applied migrations create."),
          rule(
              UNTRACKED_ENUM,
              "SD012",
              WARNING,
              "An enum type is in the database but no applied migration creates it."),
          rule(
              UNTRACKED_VIEW,
              "SD013",
              WARNING,
              "A view is in the database but no applied migration creates it."),
          rule(
              MISSING_ENUM,
              "SD014",
              WARNING,
              "An applied migration creates an enum type the database does not have."),
          rule(
              MISSING_VIEW,
              "SD015",
              WARNING,
              "An applied migration creates a view the database does not have."),
          rule(
              CHANGED_ENUM,
              "SD016",
              WARNING,
              "An enum's values are in another order than the applied migrations create."),
          rule(
              CHANGED_INDEX,
              "SD017",
              WARNING,
              "An index differs from the one the applied migrations create (or was left invalid)."),
          rule(
              CHANGED_CONSTRAINT,
              "SD018",
              WARNING,
              "A constraint differs from the one the applied migrations create."),
          rule(
              CHANGED_VIEW,
              "SD019",
              WARNING,
              "A view's definition differs from the one the applied migrations create."),
          rule(
              UNTRACKED_TRIGGER,
              "SD026",
              WARNING,
              "The database has a trigger that no applied migration creates."),
          rule(
              MISSING_TRIGGER,
              "SD027",
              WARNING,
              "An applied migration creates a trigger the database does not have."),
          rule(
              CHANGED_TRIGGER,
              "SD028",
              WARNING,
              "A trigger differs from the one the applied migrations create, or fires otherwise (disabled)."),
          rule(
              UNTRACKED_FUNCTION,
              "SD029",
              WARNING,
              "The database has a function or procedure that no applied migration creates."),
          rule(
              MISSING_FUNCTION,
              "SD030",
              WARNING,
              "An applied migration creates a function or procedure the database does not have."),
          rule(
              CHANGED_FUNCTION,
              "SD031",
              WARNING,
              "A function or procedure differs from the one the applied migrations create."),
          rule(
              UNTRACKED_EXTENSION,
              "SD032",
              INFO,
              "The database has an extension that no applied migration creates (managed databases add some)."),
          rule(
              MISSING_EXTENSION,
              "SD033",
              WARNING,
              "An applied migration creates an extension the database does not have."),
          rule(
              CHANGED_EXTENSION,
              "SD034",
              INFO,
              "An extension has another version or schema than the applied migrations give it."),
          rule(
              UNTRACKED_SEQUENCE,
              "SD035",
              WARNING,
              "The database has a sequence, owned by no column, that no applied migration creates."),
          rule(
              MISSING_SEQUENCE,
              "SD036",
              WARNING,
              "An applied migration creates a sequence, owned by no column, the database does not have."),
          rule(
              CHANGED_SEQUENCE,
              "SD037",
              WARNING,
              "A sequence owned by no column has another type, start or increment than the applied migrations give it."));

  private final FindingType type;
  private final DriftKind kind;

  private DriftRule(FindingType type, DriftKind kind) {
    this.type = type;
    this.kind = kind;
  }

  private static DriftRule rule(DriftKind kind, String code, Severity severity, String summary) {
    return new DriftRule(new FindingType(code, kind.name(), severity, summary), kind);
  }

  /** One rule per drift kind. */
  public static List<DriftRule> all() {
    return ALL;
  }

  /** The drift kind a finding type reports, if it is a drift finding. */
  public static Optional<DriftKind> kindOf(FindingType type) {
    return ALL.stream().filter(rule -> rule.type.equals(type)).map(DriftRule::kind).findFirst();
  }

  /** True for a finding about an object the database holds and no applied migration creates. */
  public static boolean untracked(FindingType type) {
    return kindOf(type).map(kind -> kind.side() == DriftKind.Side.LIVE_ONLY).orElse(false);
  }

  public DriftKind kind() {
    return kind;
  }

  @Override
  public FindingType type() {
    return type;
  }

  @Override
  public String toString() {
    return type.code() + " " + type.name();
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    if (context.drift().isEmpty()) {
      return List.of();
    }
    String catchUp =
        context.catchUp().map(CatchUpMigration::name).orElse("<timestamp>_catch_up_drift");
    // its commands end with the resolve that records it, written for the source's folder and schema
    String record =
        context
            .catchUp()
            .map(c -> c.commands().get(c.commands().size() - 1))
            .orElse(context.paths().resolveApplied(catchUp));
    return context.drift().get().ofKind(kind).stream()
        .map(
            drift ->
                type.about(
                    subject(drift), type.severity(), message(drift), help(drift, catchUp, record)))
        .toList();
  }

  /** {@code public.User.email}: the object, then the member within it. */
  public static String subject(Drift drift) {
    return drift.object().schema()
        + "."
        + drift.object().name()
        + (drift.member() == null ? "" : "." + drift.member());
  }

  private String message(Drift drift) {
    String what = kind.objectType() + " `" + subject(drift) + "`";
    return switch (kind.side()) {
      case LIVE_ONLY ->
          "The database has "
              + what
              + ", which no applied migration creates (db push or manual SQL): "
              + drift.description()
              + ".";
      case EXPECTED_ONLY ->
          "The applied migrations create "
              + what
              + ", but the database does not have it (dropped "
              + "by hand, or a migration marked applied without running): "
              + drift.description()
              + ".";
      case BOTH ->
          "The "
              + what
              + " differs from what the applied migrations create: "
              + drift.description()
              + ".";
    };
  }

  private static String help(Drift drift, String catchUp, String record) {
    return "If the database is right, record it in the catch-up migration `"
        + catchUp
        + "` (the drift report holds "
        + "it whole), which reads here: `"
        + oneLine(drift.liveDdl())
        + "`, then run `"
        + record
        + "` (it records the migration without running it). If the migrations are right, "
        + "run on the database: `"
        + oneLine(drift.restoreSql())
        + "`.";
  }

  private static String oneLine(String sql) {
    return sql.lines()
        .filter(line -> !line.startsWith("--"))
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .reduce((a, b) -> a + " " + b)
        .orElse("");
  }
}
