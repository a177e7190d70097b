package io.driftwatch.core.history;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Prisma applies folder migrations (semantics, section 3).
 *
 * <p>The current CLI sorts directory names with JavaScript {@code localeCompare}, that is ICU
 * collation; older engines sorted byte-wise. ICU4J gives the same collation as the CLI's ICU. Byte
 * order ties are broken the same way in both, so the result is deterministic.
 */
public final class MigrationOrder {

  private static final Collator CLI_COLLATOR = cliCollator();

  /** The CLI's order: ICU collation, ties broken by bytes. */
  public static final Comparator<String> CLI = MigrationOrder::compareCli;

  /** The order of old engines: UTF-8 bytes. */
  public static final Comparator<String> BYTES = MigrationOrder::compareBytes;

  private MigrationOrder() {}

  /**
   * Sorts names like the CLI. Names that follow Prisma's {@code YYYYMMDDHHMMSS_slug} convention
   * agree in both orders, so byte order is tried first and verified with one collation pass; the
   * full collation sort only runs when the two disagree.
   */
  public static List<String> sortCli(Collection<String> names) {
    String[] sorted = sortedByBytes(names);
    for (int i = 1; i < sorted.length; i++) {
      if (compareCli(sorted[i - 1], sorted[i]) > 0) {
        Arrays.sort(sorted, CLI);
        break;
      }
    }
    return List.of(sorted);
  }

  /** Sorts names the way older engines did: by UTF-8 bytes. */
  public static List<String> sortByBytes(Collection<String> names) {
    return List.of(sortedByBytes(names));
  }

  /**
   * Encodes each name once and sorts on the bytes: far cheaper than comparing strings code point by
   * code point.
   */
  private static String[] sortedByBytes(Collection<String> names) {
    record Keyed(String name, byte[] utf8) {}
    Keyed[] keyed = new Keyed[names.size()];
    int i = 0;
    for (String name : names) {
      keyed[i++] = new Keyed(name, name.getBytes(StandardCharsets.UTF_8));
    }
    Arrays.sort(keyed, (x, y) -> Arrays.compareUnsigned(x.utf8(), y.utf8()));
    String[] sorted = new String[keyed.length];
    for (i = 0; i < keyed.length; i++) {
      sorted[i] = keyed[i].name();
    }
    return sorted;
  }

  /**
   * Pairs that are neighbours in the CLI order but come the other way round in byte order: every
   * place where a database migrated by an older Prisma may have applied migrations in another
   * order.
   */
  public static List<Disagreement> disagreements(List<String> cliSorted) {
    List<Disagreement> found = new ArrayList<>();
    for (int i = 1; i < cliSorted.size(); i++) {
      String before = cliSorted.get(i - 1);
      String after = cliSorted.get(i);
      if (compareBytes(before, after) > 0) {
        found.add(new Disagreement(before, after));
      }
    }
    return found;
  }

  public static int compareCli(String a, String b) {
    int byCollation = CLI_COLLATOR.compare(a, b);
    return byCollation != 0 ? byCollation : compareBytes(a, b);
  }

  /** UTF-8 byte order, which is code point order: compared without encoding either string. */
  public static int compareBytes(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static Collator cliCollator() {
    Collator collator = Collator.getInstance(ULocale.ROOT);
    return collator.freeze();
  }

  /** {@code first} precedes {@code second} for the CLI, and follows it byte-wise. */
  public record Disagreement(String first, String second) {}
}
