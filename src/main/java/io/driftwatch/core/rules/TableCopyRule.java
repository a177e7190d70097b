package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.ColumnChange;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The ALTERs InnoDB can run only by copying the table ({@code ALGORITHM=COPY}, writes blocked for
 * the copy's length), on MySQL 8 and MariaDB alike, whatever online DDL can do for the rest: a
 * column restated with another type ({@code MODIFY}/{@code CHANGE}), a foreign key added while
 * {@code foreign_key_checks} is on (as Prisma's deploy runs), the primary key dropped, the table
 * converted to another character set. Adding a column, an ordinary index or a default runs INSTANT
 * or INPLACE and is not reported.
 */
public final class TableCopyRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS023",
          "TABLE_COPY",
          Severity.WARNING,
          "A pending MySQL migration alters a table in a way InnoDB cannot do with writes going on"
              + " (a table copy, a FULLTEXT or SPATIAL index build): writes wait until it ends.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public boolean speaks(SqlDialect dialect) {
    return !dialect.transactionalDdl();
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Effect effect : context.effectsOf("ALTER", "TABLE")) {
      QualifiedName table = effect.object().owner().name();
      if (context.isNewOrEmpty(table)) {
        continue;
      }
      copyReason(effect)
          .ifPresent(
              reason ->
                  findings.add(
                      TYPE.at(
                              context.migration(),
                              effect.statement().lineLabel()
                                  + " "
                                  + reason
                                  + " on "
                                  + effect.writtenOwner()
                                  + context.rowsNote(table)
                                  + ": InnoDB does it only by copying the table (ALGORITHM=COPY),"
                                  + " and writes to it wait until the copy ends.",
                              help(effect))
                          .atLine(effect.statement().line())));
    }
    List<Effect> indexBuilds = new ArrayList<>(context.effectsOf("CREATE"));
    indexBuilds.addAll(context.effectsOf("ALTER", "TABLE"));
    for (Effect effect : indexBuilds) {
      Optional<QualifiedName> table = indexedTable(effect);
      if (table.isEmpty() || context.isNewOrEmpty(table.get())) {
        continue;
      }
      findings.add(
          TYPE.at(
                  context.migration(),
                  effect.statement().lineLabel()
                      + " builds "
                      + effect.detail()
                      + " index "
                      + context.dialect().quoting().identifier(effect.object().name().name())
                      + " on "
                      + effect.writtenOwner()
                      + context.rowsNote(table.get())
                      + ": InnoDB builds it with writes locked out (LOCK=SHARED)"
                      + (effect.detail().equals("FULLTEXT")
                          ? ", and the table's first FULLTEXT index rebuilds the whole table"
                          : "")
                      + ".",
                  "Build it when a write pause of the build's length is acceptable, or with an online"
                      + " schema change tool (gh-ost, pt-online-schema-change) outside the deploy,"
                      + " recorded with `npx prisma migrate resolve --applied <migration>`.")
              .atLine(effect.statement().line()));
    }
    return findings;
  }

  /** The existing table a FULLTEXT or SPATIAL index is built on, if the effect builds one. */
  private static Optional<QualifiedName> indexedTable(Effect effect) {
    if (effect.action() != Effect.Action.CREATE
        || effect.object().kind() != Kind.INDEX
        || !(effect.detail().equals("FULLTEXT") || effect.detail().equals("SPATIAL"))) {
      return Optional.empty();
    }
    return effect.requires().stream()
        .filter(required -> required.kind() == Kind.TABLE)
        .map(required -> required.name())
        .findFirst();
  }

  private static Optional<String> copyReason(Effect effect) {
    if (effect.action() == Effect.Action.ALTER
        && effect.object().kind() == Kind.COLUMN
        && effect.columnChange() == ColumnChange.SET_TYPE) {
      return Optional.of("restates column " + effect.writtenPart() + " (a type change)");
    }
    if (effect.action() == Effect.Action.CREATE
        && effect.constraintKind().filter(ConstraintKind.FOREIGN_KEY::equals).isPresent()) {
      return Optional.of("adds foreign key " + effect.writtenPart());
    }
    if (effect.action() == Effect.Action.DROP
        && effect.object().kind() == Kind.CONSTRAINT
        && effect.object().part().equals("PRIMARY")) {
      return Optional.of("drops the primary key");
    }
    if (effect.action() == Effect.Action.ALTER
        && effect.object().kind() == Kind.TABLE
        && effect.detail().toUpperCase(Locale.ROOT).startsWith("CONVERT TO")) {
      return Optional.of("converts the character set");
    }
    return Optional.empty();
  }

  private static String help(Effect effect) {
    String online =
        "Run the change with an online schema change tool (gh-ost, pt-online-schema-change) outside"
            + " the deploy and record it with `npx prisma migrate resolve --applied <migration>`, or"
            + " deploy it when a write pause of the copy's length is acceptable.";
    return effect.constraintKind().filter(ConstraintKind.FOREIGN_KEY::equals).isPresent()
        ? "With `SET foreign_key_checks = 0;` before it (and `SET foreign_key_checks = 1;` after),"
            + " InnoDB adds the key in place without copying, but does not check the existing rows:"
            + " find orphans first with a LEFT JOIN. "
            + online
        : online;
  }
}
