package io.driftwatch.core.dialect.mysql;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.NameDdl;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.dialect.Quoting;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.dialect.VerificationSql;
import io.driftwatch.core.effect.EffectReader;
import io.driftwatch.core.effect.ImplicitName;
import io.driftwatch.core.effect.ObjectNaming;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.sql.Lexicon;
import io.driftwatch.core.sql.MySqlLexicon;
import java.util.function.Predicate;

/**
 * MySQL and MariaDB as Prisma writes them: names in backticks with inner backticks doubled,
 * literals single-quoted with backslashes and quotes escaped (the default SQL mode), unnamed
 * objects named as InnoDB names them ({@code PRIMARY}; an index after its first column, {@code
 * email_2} when taken; {@code <table>_ibfk_<n>} for a foreign key; {@code <table>_chk_<n>} for a
 * check).
 *
 * <p>A schema is a database here: {@code schema} is the database the URL names.
 */
public final class MySqlSql implements SqlDialect, Quoting, ObjectNaming {

  public static final MySqlSql INSTANCE = new MySqlSql();

  private MySqlSql() {}

  @Override
  public String product() {
    return "MySQL";
  }

  @Override
  public boolean transactionalDdl() {
    return false;
  }

  @Override
  public Quoting quoting() {
    return this;
  }

  @Override
  public Lexicon lexicon() {
    return MySqlLexicon.INSTANCE;
  }

  /**
   * The shared grammar with MySQL's forms ({@link StatementEffects.Grammar#MYSQL}) on MySQL's
   * lexicon: backticked names arrive as quoted names; what it does not know it reports as not
   * understood rather than guessing.
   */
  @Override
  public EffectReader effects(String schema) {
    return new StatementEffects(schema, this, StatementEffects.Grammar.MYSQL);
  }

  @Override
  public ObjectNaming naming() {
    return this;
  }

  @Override
  public VerificationSql verification() {
    return MySqlVerificationSql.INSTANCE;
  }

  @Override
  public SchemaDdl ddl(Catalog catalog) {
    return new MySqlDdl(catalog);
  }

  @Override
  public NameDdl names() {
    return MySqlNameDdl.INSTANCE;
  }

  @Override
  public String identifier(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  @Override
  public String literal(String value) {
    return '\'' + value.replace("\\", "\\\\").replace("'", "''") + '\'';
  }

  @Override
  public String choose(ImplicitName name, Predicate<String> taken, String checkColumn) {
    String table = name.table().name();
    return switch (name.label()) {
      case "pkey" -> "PRIMARY";
      case "fkey" -> numbered(table + "_ibfk_", taken);
      case "check" -> numbered(table + "_chk_", taken);
      default -> {
        String first = name.columns().isEmpty() ? table : name.columns().get(0);
        if (!taken.test(first)) {
          yield first;
        }
        int n = 2;
        while (taken.test(first + "_" + n)) {
          n++;
        }
        yield first + "_" + n;
      }
    };
  }

  private static String numbered(String prefix, Predicate<String> taken) {
    int n = 1;
    while (taken.test(prefix + n)) {
      n++;
    }
    return prefix + n;
  }
}
