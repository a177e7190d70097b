package io.driftwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server log written with {@code log_destination=csvlog}: one record per message, the
 * columns PostgreSQL 14 writes (user, process, severity, SQLSTATE, message, the failing statement,
 * application name...). Statements appear in it when {@code log_statement=all} is on.
 */
public final class CsvServerLog {

  /** The settings that make a server write this log into {@code directory/postgresql.csv}. */
  public static Map<String, String> settings(Path directory) {
    return Map.of(
        "logging_collector", "on",
        "log_destination", "csvlog",
        "log_directory", directory.toAbsolutePath().toString(),
        "log_filename", "postgresql.log",
        "log_statement", "all");
  }

  public static Path file(Path directory) {
    return directory.resolve("postgresql.csv");
  }

  /** One log record. */
  public record Record(
      String user,
      int processId,
      String severity,
      String sqlState,
      String message,
      String query,
      String applicationName) {

    private static final Pattern STATEMENT =
        Pattern.compile("(?s)^(?:statement|execute [^:]*): (.*)$");

    /** The SQL a {@code log_statement} record shows the client sent, if this is one. */
    public Optional<String> statement() {
      Matcher matcher = STATEMENT.matcher(message);
      return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
  }

  /**
   * The log up to a statement this method sends as {@code superuser} and waits for: the server logs
   * through one pipe, so every statement a client had sent before is in the file once it is.
   */
  public static List<Record> readThrough(Path file, Connection superuser) {
    String marker = "log-mark-" + UUID.randomUUID();
    try (Statement statement = superuser.createStatement()) {
      statement.execute("SELECT '" + marker + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("the log marker could not be sent", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      List<Record> records = Files.exists(file) ? read(file) : List.of();
      if (records.stream().anyMatch(record -> record.message().contains(marker))) {
        return records;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the server log "
                + file
                + " did not show a statement sent 10 s ago: is log_statement on?");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while reading " + file, e);
      }
    }
  }

  public static List<Record> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("no server log at " + file, e);
    }
    List<Record> records = new ArrayList<>();
    for (List<String> row : rows(text)) {
      if (row.size() < 23) {
        throw new IllegalStateException(
            "not a PostgreSQL 14 csvlog row (" + row.size() + " columns): " + row);
      }
      records.add(
          new Record(
              row.get(1),
              Integer.parseInt(row.get(3)),
              row.get(11),
              row.get(12),
              row.get(13),
              row.get(19),
              row.get(22)));
    }
    return records;
  }

  /**
   * RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. Complete rows only.
   */
  private static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    // Whatever follows the last complete row is a record the server is still writing: left for the
    // next read.
    return rows;
  }
}
