package io.driftwatch.cli;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * The service's typed configuration for a command: its defaults, and the few values the command's
 * options set. Nothing else is read (no environment variable, no file), so a command does what its
 * options say whatever the pipeline's environment holds.
 */
final class CommandConfig {

  private CommandConfig() {}

  static DriftwatchConfig of(Map<String, String> values) {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withMapping(DriftwatchConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter())
            .withConverter(MemorySize.class, 200, new MemorySizeConverter())
            .withSources(new PropertiesConfigSource(values, "driftwatch check", 500))
            .build();
    return config.getConfigMapping(DriftwatchConfig.class);
  }
}
