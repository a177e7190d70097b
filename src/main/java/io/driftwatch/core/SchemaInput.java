package io.driftwatch.core;

import io.driftwatch.core.replay.ExpectedSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the schema checks look at besides the history: the schema the applied migrations produce (or
 * why it is unknown), the schema migrations run in, and the objects to leave out.
 *
 * @param expected the shadow replay of the applied migrations; empty when it could not run
 * @param folder the replay of every folder migration (pending ones too), for coverage; empty when
 *     it is the applied one or could not run
 * @param unavailable why there is no replay result (the shadow server is unreachable, say)
 * @param migrationSchema the URL's {@code ?schema=}
 * @param ignore globs of objects never reported ({@code public.audit_*})
 * @param now when the audit runs: names the catch-up migration
 */
public record SchemaInput(
    Optional<ExpectedSchema> expected,
    Optional<ExpectedSchema> folder,
    Optional<String> unavailable,
    String migrationSchema,
    List<String> ignore,
    Instant now) {

  public SchemaInput {
    ignore = List.copyOf(ignore);
  }

  public static SchemaInput of(
      ExpectedSchema expected,
      Optional<ExpectedSchema> folder,
      String migrationSchema,
      List<String> ignore,
      Instant now) {
    return new SchemaInput(
        Optional.of(expected), folder, Optional.empty(), migrationSchema, ignore, now);
  }

  public static SchemaInput unavailable(
      String reason, String migrationSchema, List<String> ignore, Instant now) {
    return new SchemaInput(
        Optional.empty(), Optional.empty(), Optional.of(reason), migrationSchema, ignore, now);
  }
}
