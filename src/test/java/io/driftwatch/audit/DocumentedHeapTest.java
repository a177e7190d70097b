package io.driftwatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.config.DriftwatchConfig;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scripts up to the configured limits must not exhaust the documented heap: the Dockerfile runs the
 * service with {@code -Xmx256m}, and four scheduled audits may run at once. Each case runs {@link
 * HeapBoundAudits} in a JVM started with the Dockerfile's own {@code JAVA_OPTS} (read from it), the
 * limits' defaults (read from {@link DriftwatchConfig}), and a ballast standing for the service's
 * own live heap; it exits on the first {@link OutOfMemoryError}. Seen before: 15 scripts of 16 MiB
 * gave an OutOfMemoryError and a 500 at -Xmx512m.
 *
 * <p>The folders are made at the limits in the shapes that cost the most to audit: Prisma-shaped
 * DDL (a table and its key every 150 bytes), one data load per script (a single INSERT of 16 MiB),
 * a statement per line, ALTER TABLEs of two actions each (a lint finding per statement), and a DDL
 * script dense enough to reach the pre-flight's bound.
 */
class DocumentedHeapTest {

  /**
   * The live heap of the packaged service after start-up and three demo audits ({@code jcmd
   * GC.heap_info}): 26.7 MiB.
   */
  private static final int SERVICE_LIVE_MIB = 27;

  private static final long WAIT_MINUTES = 15;

  private static Path folders;
  private static long maxScript;
  private static long maxTotal;

  @BeforeAll
  static void makeFolders() throws Exception {
    maxScript = Long.parseLong(defaultOf("maxScriptBytes"));
    maxTotal = Long.parseLong(defaultOf("maxTotalBytes"));
    folders = Files.createTempDirectory("dw-heap");
    int scripts = (int) (maxTotal / maxScript);
    long size = maxScript - 64;
    write(
        "ddl",
        scripts,
        size,
        i ->
            "-- CreateTable\nCREATE TABLE \"t"
                + i
                + "\" (\n    \"id\" TEXT NOT NULL,\n"
                + "    \"name\" TEXT,\n\n    CONSTRAINT \"t"
                + i
                + "_pkey\" PRIMARY KEY (\"id\")\n);\n\n",
        "",
        "");
    write(
        "load",
        scripts,
        size,
        i -> "('" + i + "', 'name " + i + "'),\n",
        "INSERT INTO \"t\" (\"id\", \"name\") VALUES\n",
        "('0', 'x');\n");
    write("lines", scripts, size, i -> "SELECT 1;\n", "", "");
    write(
        "alters",
        scripts,
        size,
        i ->
            "ALTER TABLE \"t\" ADD COLUMN \"c"
                + i
                + "\" INTEGER NOT NULL, DROP COLUMN \"d"
                + i
                + "\";\n",
        "",
        "");
    // Dense enough for the pre-flight's bound: within the lint's statements, tens of thousands of
    // schema changes.
    write("dense", 12, 600_000, i -> "CREATE TABLE \"d" + i + "\" (\"a\" INT);\n", "", "");
    // The folder of the report: 15 scripts of the largest size. Sparse files: it is refused on
    // their sizes.
    Path fifteen = Files.createDirectories(folders.resolve("fifteen/migrations"));
    for (int m = 0; m < 15; m++) {
      Path script =
          Files.createDirectories(fifteen.resolve(String.format("2024010100%04d_m", m)))
              .resolve("migration.sql");
      try (RandomAccessFile file = new RandomAccessFile(script.toFile(), "rw")) {
        file.setLength(maxScript);
      }
    }
  }

  @AfterAll
  static void removeFolders() throws IOException {
    if (folders != null) {
      try (var paths = Files.walk(folders)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void fifteen_scripts_of_the_largest_size_are_refused_with_the_reason_not_an_out_of_memory()
      throws Exception {
    List<String> output = audit("pending", "fifteen");

    assertThat(output)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("REFUSED fifteen: the scripts and schema files of")
                    .contains(
                        "exceed "
                            + maxTotal
                            + " bytes together (driftwatch.source.max-total-bytes)"));
  }

  @Test
  void folders_at_the_limits_pending_and_audited_at_once_fit_the_documented_heap()
      throws Exception {
    List<String> output = audit("pending", "ddl", "load", "lines", "alters", "dense");

    assertThat(output).filteredOn(line -> line.startsWith("AUDITED")).hasSize(5);
    assertThat(output).anySatisfy(line -> assertThat(line).startsWith("HELD AFTERWARDS 0 "));
  }

  @Test
  void folders_at_the_limits_applied_and_audited_at_once_fit_the_documented_heap()
      throws Exception {
    List<String> output = audit("applied", "ddl", "load", "lines", "alters");

    assertThat(output).filteredOn(line -> line.startsWith("AUDITED")).hasSize(4);
  }

  /**
   * Audits the folders at once in a JVM of the Dockerfile's flags; fails on its out-of-memory exit.
   */
  private static List<String> audit(String mode, String... names) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(dockerfileFlags());
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(HeapBoundAudits.class.getName());
    command.addAll(
        List.of(
            String.valueOf(maxScript),
            String.valueOf(maxTotal),
            "-1",
            "600",
            String.valueOf(SERVICE_LIVE_MIB),
            mode));
    Arrays.stream(names).map(name -> folders.resolve(name).toString()).forEach(command::add);
    Path log = folders.resolve(mode + "-" + String.join("-", names) + ".log");
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!child.waitFor(WAIT_MINUTES, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new AssertionError("the audits did not end within " + WAIT_MINUTES + " minutes");
    }
    List<String> output = Files.readAllLines(log);
    output.forEach(line -> System.out.println("[" + mode + "] " + line));
    assertThat(child.exitValue())
        .as(
            "exit of the audits in %s (3: out of memory):%n%s",
            dockerfileFlags(), String.join("\n", output))
        .isZero();
    return output;
  }

  /** The service's JVM flags as the Dockerfile documents them: its JAVA_OPTS. */
  static List<String> dockerfileFlags() throws IOException {
    String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
    Matcher options = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(options.find()).as("deploy/Dockerfile sets JAVA_OPTS").isTrue();
    List<String> flags = List.of(options.group(1).trim().split("\\s+"));
    assertThat(flags)
        .as("the documented heap")
        .anySatisfy(flag -> assertThat(flag).startsWith("-Xmx"));
    return flags;
  }

  /** The default of a {@link DriftwatchConfig.Source} setting, as the service reads it. */
  private static String defaultOf(String setting) throws NoSuchMethodException {
    return DriftwatchConfig.Source.class
        .getMethod(setting)
        .getAnnotation(WithDefault.class)
        .value();
  }

  /**
   * A folder of {@code count} scripts of about {@code size} bytes, each a head, repeated statements
   * and a tail.
   */
  private static void write(
      String name, int count, long size, IntFunction<String> statement, String head, String tail)
      throws IOException {
    Path migrations = Files.createDirectories(folders.resolve(name).resolve("migrations"));
    for (int m = 0; m < count; m++) {
      Path script =
          Files.createDirectories(migrations.resolve(String.format("2024010100%04d_%s", m, name)))
              .resolve("migration.sql");
      try (Writer out = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
        long written = head.length() + tail.length();
        out.write(head);
        for (int i = 0; ; i++) {
          String next = statement.apply(m * 1_000_000 + i);
          if (written + next.length() > size) {
            break;
          }
          out.write(next);
          written += next.length();
        }
        out.write(tail);
      }
    }
  }
}
