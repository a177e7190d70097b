package io.driftwatch.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The service's jar as a command: {@code java -jar quarkus-run.jar check …} runs {@code driftwatch
 * check} without starting the service (no store, no HTTP). Usage errors exit 4, as the check's
 * documented codes say, not picocli's default 2 (which is the check's "warned, with --strict").
 */
@Command(
    name = "driftwatch",
    mixinStandardHelpOptions = true,
    versionProvider = DriftwatchCommand.Version.class,
    description = "Watches what production has really applied of a Prisma Migrate history.")
public final class DriftwatchCommand implements Runnable {

  /** The commands this jar runs instead of the service. */
  public static boolean handles(String... args) {
    return args.length > 0 && "check".equals(args[0]);
  }

  /**
   * Runs the command as a process does: its logs at warnings, its output on stdout and stderr; then
   * exits with the command's code.
   */
  public static void main(String... args) {
    quietLogs();
    int exit =
        run(
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            System.getenv(),
            args);
    System.exit(exit);
  }

  /** Runs the command in this JVM and returns its exit code; the JVM's logging is left alone. */
  public static int run(
      PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    CommandLine command =
        new CommandLine(new DriftwatchCommand())
            .addSubcommand(new CheckCommand(environment, json, version()))
            .setOut(out)
            .setErr(err)
            .setParameterExceptionHandler(
                (problem, arguments) -> {
                  err.println("driftwatch: " + problem.getMessage());
                  problem.getCommandLine().usage(err);
                  err.flush();
                  return ExitCode.USAGE.code();
                })
            .setExecutionExceptionHandler(
                (problem, line, parsed) -> {
                  err.println("driftwatch: the check failed unexpectedly: " + problem);
                  err.flush();
                  return ExitCode.UNREADABLE.code();
                });
    return command.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "name a command: driftwatch check --help");
  }

  /**
   * The command's own output is all it prints: the parts' logs stay at warnings. For a process of
   * its own only: it sets the JVM's root logger.
   */
  private static void quietLogs() {
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (var handler : root.getHandlers()) {
      handler.setLevel(Level.WARNING);
    }
  }

  static String version() {
    try (InputStream in =
        DriftwatchCommand.class.getResourceAsStream(
            "/META-INF/maven/io.driftwatch/driftwatch/pom.properties")) {
      if (in == null) {
        return "development";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }

  /** {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"driftwatch " + version()};
    }
  }
}
