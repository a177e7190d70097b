package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.List;

/**
 * A migration.sql that is not valid UTF-8, or not text at all: Prisma hashes and runs a lossy
 * decoding (U+FFFD for each bad sequence), so its checksum and its SQL are not what the file says.
 */
public final class InvalidScriptEncodingRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "DH004",
          "INVALID_SCRIPT_ENCODING",
          Severity.WARNING,
          "A migration.sql is not valid UTF-8, or is a binary file.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().records().stream()
        .filter(
            record ->
                record
                    .script()
                    .filter(script -> !script.validUtf8() || script.binary())
                    .isPresent())
        .map(
            record ->
                TYPE.at(
                    record.name(),
                    "`"
                        + context.source().paths().script(record.name())
                        + "` "
                        + (record.script().orElseThrow().binary()
                            ? "holds NUL bytes: it is a binary file, not SQL."
                            : "is not valid UTF-8: Prisma replaces each invalid sequence with U+FFFD before hashing and running it, "
                                + "so checksums of this file are unreliable."),
                    "Re-encode it as UTF-8 (`iconv -f latin1 -t utf-8`) only if it was never applied anywhere; if it was, "
                        + "leave the bytes alone and fix the text in a new migration."))
        .toList();
  }
}
