package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrismaVersionsTest {

  @Test
  void the_major_version_is_read_from_the_ranges_npm_accepts() {
    assertThat(PrismaVersions.major("^7.1.0")).contains(7);
    assertThat(PrismaVersions.major("~6.19.0")).contains(6);
    assertThat(PrismaVersions.major("7.x")).contains(7);
    assertThat(PrismaVersions.major("8.0.0-rc.33")).contains(8);
    assertThat(PrismaVersions.major(">=6 <8")).contains(6);
    assertThat(PrismaVersions.major("npm:prisma@7.2.0")).contains(7);
    assertThat(PrismaVersions.major("latest")).isEmpty();
    assertThat(PrismaVersions.major("workspace:*")).isEmpty();
  }
}
