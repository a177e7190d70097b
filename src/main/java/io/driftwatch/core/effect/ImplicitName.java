package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.sql.SqlToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The name PostgreSQL gives an object the statement does not name: a primary key written inline, a
 * {@code SERIAL}'s sequence, a {@code CREATE INDEX} without a name. As {@code ChooseRelationName}
 * and {@code ChooseConstraintName} make it: {@code <table>_<columns>_<label>}, the columns joined
 * with {@code _}, the table and column parts cut to fit 63 bytes as {@code makeObjectName} cuts
 * them (the longer first), and a number after the label ({@code _pkey1}) while the name is taken.
 *
 * @param kind {@link Kind#CONSTRAINT}, {@link Kind#INDEX} or {@link Kind#SEQUENCE}
 * @param table the table it belongs to
 * @param columns the columns in the name; for a CHECK, the names its expression uses (the name has
 *     one only when they are one column of the table)
 * @param label {@code pkey}, {@code key}, {@code fkey}, {@code check}, {@code excl}, {@code idx} or
 *     {@code seq}
 * @param naming the database's rules for the name: PostgreSQL's by default, MySQL's for a MySQL
 *     script
 */
public record ImplicitName(
    Kind kind, QualifiedName table, List<String> columns, String label, ObjectNaming naming) {

  /** NAMEDATALEN: a name holds one byte less. */
  static final int NAMEDATALEN = SqlToken.MAX_NAME_BYTES + 1;

  public ImplicitName {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(naming, "naming");
    columns = List.copyOf(columns);
  }

  /** An object PostgreSQL names. */
  public ImplicitName(Kind kind, QualifiedName table, List<String> columns, String label) {
    this(kind, table, columns, label, ObjectNaming.POSTGRES);
  }

  public boolean isCheck() {
    return label.equals("check");
  }

  /**
   * The name a constraint or index backed by one ({@code pkey}, {@code key}, {@code excl}) needs
   * free.
   */
  public boolean namesAnIndex() {
    return kind != Kind.CONSTRAINT
        || label.equals("pkey")
        || label.equals("key")
        || label.equals("excl");
  }

  /**
   * The name chosen: the first of {@code pass} 0, 1, 2... that is not {@code taken}.
   *
   * @param checkColumn for a CHECK, the one column of the table its expression uses, if it uses one
   */
  public String choose(Predicate<String> taken, String checkColumn) {
    return naming.choose(this, taken, checkColumn);
  }

  /** PostgreSQL's choice for {@code name}: see the class. */
  static String postgresName(ImplicitName name, Predicate<String> taken, String checkColumn) {
    return name.postgresChoice(taken, checkColumn);
  }

  private String postgresChoice(Predicate<String> taken, String checkColumn) {
    String addition =
        label.equals("pkey") ? null : isCheck() ? checkColumn : indexNameAddition(columns);
    IntFunction<String> candidate =
        pass -> makeObjectName(table.name(), addition, pass == 0 ? label : label + pass);
    int pass = 0;
    while (taken.test(candidate.apply(pass))) {
      pass++;
    }
    return candidate.apply(pass);
  }

  /** The object named {@code name}. */
  public SchemaObject object(String name) {
    return kind == Kind.CONSTRAINT
        ? SchemaObject.constraint(table, name)
        : SchemaObject.of(kind, QualifiedName.of(table.schema(), name));
  }

  /**
   * {@code ChooseIndexNameAddition} (and {@code ChooseForeignKeyConstraintNameAddition}): null when
   * none.
   */
  static String indexNameAddition(List<String> names) {
    if (names.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (String name : names) {
      if (bytes > 0) {
        out.append('_');
        bytes++;
      }
      out.append(name);
      bytes += utf8(name);
      if (bytes >= NAMEDATALEN) {
        break;
      }
    }
    return out.toString();
  }

  /**
   * {@code makeObjectName}: {@code name1_name2_label}, the longer of the two names shortened (by
   * bytes, then back to a character boundary) until the whole fits in 63 bytes.
   */
  static String makeObjectName(String name1, String name2, String label) {
    int overhead = (name2 == null ? 0 : 1) + (label == null ? 0 : utf8(label) + 1);
    int available = NAMEDATALEN - 1 - overhead;
    int name1Bytes = utf8(name1);
    int name2Bytes = name2 == null ? 0 : utf8(name2);
    while (name1Bytes + name2Bytes > available) {
      if (name1Bytes > name2Bytes) {
        name1Bytes--;
      } else {
        name2Bytes--;
      }
    }
    StringBuilder out = new StringBuilder(clip(name1, name1Bytes));
    if (name2 != null) {
      out.append('_').append(clip(name2, name2Bytes));
    }
    if (label != null) {
      out.append('_').append(label);
    }
    return out.toString();
  }

  /**
   * {@code ChooseIndexColumnNames}: each column's name in an index name, a repeated one numbered
   * ({@code a}, {@code a1}) within 63 bytes.
   */
  static List<String> indexColumnNames(List<String> originals) {
    List<String> result = new ArrayList<>();
    for (String original : originals) {
      String current = original;
      for (int i = 1; result.contains(current); i++) {
        String number = Integer.toString(i);
        current = clip(original, NAMEDATALEN - 1 - number.length()) + number;
      }
      result.add(current);
    }
    return result;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String clip(String text, int bytes) {
    return SqlToken.truncated(text, bytes);
  }
}
