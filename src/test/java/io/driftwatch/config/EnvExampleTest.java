package io.driftwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/driftwatch.env.example lists every setting the service reads: each property of {@link
 * DriftwatchConfig}, walked by reflection so that a new setting cannot be forgotten, as the
 * environment variable that sets it (commented out or not).
 */
class EnvExampleTest {

  private static final Path EXAMPLE = Path.of("deploy", "driftwatch.env.example");
  private static final Pattern LISTED =
      Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);

  @Test
  void every_setting_of_the_service_is_in_the_example() throws IOException {
    List<String> listed = new ArrayList<>();
    Matcher matcher = LISTED.matcher(Files.readString(EXAMPLE));
    while (matcher.find()) {
      listed.add(matcher.group(1));
    }
    List<String> settings = new ArrayList<>();
    walk(DriftwatchConfig.class, "driftwatch", settings);
    assertThat(settings).as("the walk found the settings").hasSizeGreaterThan(30);
    assertThat(listed)
        .as("settings missing from " + EXAMPLE)
        .containsAll(settings.stream().map(EnvExampleTest::variable).toList());
  }

  private static void walk(Class<?> mapping, String prefix, List<String> into) {
    for (Method method : mapping.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          || method.isDefault()
          || method.getParameterCount() > 0) {
        continue;
      }
      WithName name = method.getAnnotation(WithName.class);
      String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
      Class<?> type = method.getReturnType();
      if (type.isInterface() && type.getDeclaringClass() == DriftwatchConfig.class) {
        walk(type, key, into);
      } else {
        into.add(key);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /**
   * SmallRye's environment-variable form: upper case, every character that is not a letter or digit
   * an underscore.
   */
  private static String variable(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
