package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.FindingType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class RulesTest {

  @Test
  void every_rule_class_is_registered() {
    Set<String> registered =
        registered().map(r -> r.getClass().getName()).collect(Collectors.toSet());
    Set<String> declared =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.driftwatch.core.rules")
                .stream()
                .filter(
                    c ->
                        (c.isAssignableTo(HistoryRule.class)
                                || c.isAssignableTo(SchemaRule.class)
                                || c.isAssignableTo(LintRule.class))
                            && !c.isInterface()
                            && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    assertThat(registered).as("add each rule to Rules.java").isEqualTo(declared);
  }

  @Test
  void codes_and_names_are_claimed_once() {
    List<FindingType> types = Rules.types();
    assertThat(types.stream().map(FindingType::code)).doesNotHaveDuplicates();
    assertThat(types.stream().map(FindingType::name)).doesNotHaveDuplicates();
  }

  @Test
  void every_code_belongs_to_a_family() {
    Set<String> families =
        Arrays.stream(Family.values()).map(Enum::name).collect(Collectors.toSet());
    assertThat(Rules.types())
        .allSatisfy(type -> assertThat(families).contains(type.code().substring(0, 2)));
  }

  @Test
  void every_rule_has_its_test() {
    assertThat(registered().toList())
        .allSatisfy(
            rule -> {
              String testName = rule.getClass().getName() + "Test";
              Class<?> test = Class.forName(testName);
              List<String> methods =
                  Arrays.stream(test.getDeclaredMethods())
                      .filter(
                          m ->
                              m.isAnnotationPresent(Test.class)
                                  || m.isAnnotationPresent(ParameterizedTest.class))
                      .map(Method::getName)
                      .toList();
              assertThat(methods)
                  .as("%s holds a clean case (a test named *_ok*) and a finding (*_err*)", testName)
                  .anySatisfy(name -> assertThat(name).contains("_ok"))
                  .anySatisfy(name -> assertThat(name).contains("_err"));
            });
  }

  private static Stream<Object> registered() {
    return Stream.of(Rules.history().stream(), Rules.schema().stream(), Rules.lint().stream())
        .flatMap(rules -> rules);
  }
}
