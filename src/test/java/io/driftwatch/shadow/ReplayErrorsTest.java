package io.driftwatch.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure.Cause;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayErrorsTest {

  @Test
  void a_scripts_own_error_is_its_own() {
    ReplayFailure failure = ReplayErrors.of("m", "42P07", "relation \"User\" already exists");
    assertThat(failure.cause()).isEqualTo(Cause.SCRIPT_ERROR);
    assertThat(failure.quoted()).isEqualTo("42P07: relation \"User\" already exists");
  }

  @Test
  void insufficient_privilege_and_the_sandboxs_limits_are_refusals() {
    assertThat(ReplayErrors.of("m", "42501", "permission denied for function pg_read_file").cause())
        .isEqualTo(Cause.REFUSED);
    assertThat(
            ReplayErrors.of("m", "57014", "canceling statement due to statement timeout").cause())
        .isEqualTo(Cause.REFUSED);
    assertThat(
            ReplayErrors.of("m", "53400", "temporary file size exceeds temp_file_limit (8192kB)")
                .cause())
        .isEqualTo(Cause.REFUSED);
    assertThat(ReplayErrors.timedOut("m", Duration.ofSeconds(15)).error())
        .isEqualTo(
            "it did not finish within 15 s (driftwatch.shadow.timeout): its session was cancelled, then ended");
  }

  @Test
  void an_extension_the_sandbox_cannot_install_is_named() {
    assertThat(ReplayErrors.of("m", "42501", "permission denied to create extension \"dblink\""))
        .satisfies(f -> assertThat(f.cause()).isEqualTo(Cause.EXTENSION_UNAVAILABLE))
        .satisfies(f -> assertThat(f.extension()).isEqualTo("dblink"));
    assertThat(ReplayErrors.of("m", "0A000", "extension \"vector\" is not available").extension())
        .isEqualTo("vector");
    assertThat(
            ReplayErrors.of(
                    "m",
                    "58P01",
                    "could not open extension control file "
                        + "\"/usr/share/postgresql/13/extension/postgis.control\": No such file or directory")
                .extension())
        .isEqualTo("postgis");
  }

  @Test
  void an_error_text_is_one_bounded_line() {
    String bounded = ReplayErrors.bounded("line one\nline two\t" + "x".repeat(10_000));
    assertThat(bounded)
        .startsWith("line one line two ")
        .endsWith("…")
        .hasSize(ReplayErrors.MAX_ERROR_LENGTH)
        .doesNotContain("\n");
    assertThat(ReplayErrors.bounded(null)).isEqualTo("no error message");
  }
}
