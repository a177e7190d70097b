package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.FindingType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Finding codes are frozen: {@code finding-codes.tsv} lists every code ever issued, and the
 * catalogue must keep each one with its name and severity. A code is the suppression key and the
 * docs anchor, so a renumbered or reused code would silently change what users' suppressions and
 * links point at; regenerating the README catalogue does not hide it.
 */
class FindingCodesTest {

  private static final String FROZEN = "finding-codes.tsv";

  @Test
  void every_issued_code_is_still_in_the_catalogue_with_its_name_and_severity() throws IOException {
    Map<String, FindingType> catalogue = byCode(FindingCatalogue.types());
    assertThat(frozen())
        .allSatisfy(
            issued -> {
              FindingType type = catalogue.get(issued.code());
              assertThat(type)
                  .as(
                      "%s (%s) was issued and may not disappear: a code is never retired or renumbered",
                      issued.code(), issued.name())
                  .isNotNull();
              assertThat(type.name())
                  .as(
                      "%s was issued as %s: a code never changes its meaning",
                      issued.code(), issued.name())
                  .isEqualTo(issued.name());
              assertThat(type.severity().name())
                  .as(
                      "%s (%s) changed its default severity: if meant, edit its line in %s",
                      issued.code(), issued.name(), FROZEN)
                  .isEqualTo(issued.severity());
            });
  }

  @Test
  void every_code_of_the_catalogue_has_its_line() throws IOException {
    Set<String> issued = frozen().stream().map(Issued::code).collect(Collectors.toSet());
    List<String> missing =
        FindingCatalogue.types().stream()
            .filter(type -> !issued.contains(type.code()))
            .map(type -> type.code() + "\t" + type.name() + "\t" + type.severity().name())
            .toList();
    assertThat(missing)
        .as("a new finding type: add these lines to src/test/resources/%s", FROZEN)
        .isEmpty();
  }

  @Test
  void no_code_or_name_is_issued_twice() throws IOException {
    List<Issued> frozen = frozen();
    assertThat(frozen).extracting(Issued::code).as("a code is issued once").doesNotHaveDuplicates();
    assertThat(frozen)
        .extracting(Issued::name)
        .as("a name is issued once: a new finding takes a new name")
        .doesNotHaveDuplicates();
    Map<String, String> codeOfName =
        frozen.stream().collect(Collectors.toMap(Issued::name, Issued::code));
    assertThat(FindingCatalogue.types())
        .allSatisfy(
            type ->
                assertThat(codeOfName.getOrDefault(type.name(), type.code()))
                    .as("%s reuses the name %s, issued to another code", type.code(), type.name())
                    .isEqualTo(type.code()));
  }

  private static Map<String, FindingType> byCode(List<FindingType> types) {
    Map<String, FindingType> byCode = new LinkedHashMap<>();
    types.forEach(type -> byCode.put(type.code(), type));
    return byCode;
  }

  private static List<Issued> frozen() throws IOException {
    try (InputStream in = FindingCodesTest.class.getClassLoader().getResourceAsStream(FROZEN)) {
      assertThat(in).as("src/test/resources/%s", FROZEN).isNotNull();
      List<Issued> issued = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        assertThat(fields)
            .as("%s: code, name and severity, tab-separated: %s", FROZEN, line)
            .hasSize(3);
        issued.add(new Issued(fields[0], fields[1], fields[2]));
      }
      return issued;
    }
  }

  private record Issued(String code, String name, String severity) {}
}
