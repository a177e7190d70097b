package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.UnreadableObject;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog reader met an object it cannot model (an aggregate, a function over 1 MiB, a key it
 * cannot name): the object is left out of the comparison, which still covers everything else. One
 * finding per object, naming where it was met: the database, the schema the applied migrations
 * build, or both.
 */
public final class UnreadableCatalogObjectRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "SD025",
          "UNREADABLE_CATALOG_OBJECT",
          Severity.WARNING,
          "A database object could not be read, so drift was not checked for it (everything else was).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    Map<String, UnreadableObject> objects = new LinkedHashMap<>();
    Map<String, List<String>> places = new LinkedHashMap<>();
    collect(context.live(), "the database", objects, places);
    collect(
        context.expected().flatMap(ExpectedSchema::catalog),
        "the schema the applied migrations build",
        objects,
        places);
    List<Finding> findings = new ArrayList<>();
    objects.forEach(
        (subject, object) ->
            findings.add(
                TYPE.about(
                    subject,
                    TYPE.severity(),
                    "driftwatch could not read the "
                        + object.kind()
                        + " `"
                        + subject
                        + "` of "
                        + String.join(" and of ", places.get(subject))
                        + ": "
                        + object.reason()
                        + ". It is left out of the drift check; the rest of the schema was compared.",
                    "Compare it by hand, e.g. `pg_dump --schema-only` of both databases, or leave it out of the drift check with an"
                        + " ignore glob in the environment (\"ignore\": [\""
                        + ignoreGlob(object)
                        + "\"]). If it is an"
                        + " aggregate or an oversized function, nothing else is needed.")));
    return findings;
  }

  private static void collect(
      Optional<Catalog> catalog,
      String place,
      Map<String, UnreadableObject> objects,
      Map<String, List<String>> places) {
    catalog.ifPresent(
        read ->
            read.unreadable()
                .forEach(
                    object -> {
                      objects.putIfAbsent(object.subject(), object);
                      places
                          .computeIfAbsent(object.subject(), ignored -> new ArrayList<>())
                          .add(place);
                    }));
  }

  /**
   * The glob that leaves the object out: its table or view for a member, else the object itself.
   */
  private static String ignoreGlob(UnreadableObject object) {
    String name = object.object().name();
    int arguments = name.indexOf('(');
    return object.object().schema() + "." + (arguments < 0 ? name : name.substring(0, arguments));
  }
}
