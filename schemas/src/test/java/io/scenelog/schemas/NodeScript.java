package io.scenelog.schemas;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of the Node peer project ({@code peers/node}) with a deadline, for the integration
 * tests that check our contracts with third-party tools. Fails with instructions, never skips, when
 * Node or the project's packages are missing.
 */
public final class NodeScript {

  private static final Duration DEADLINE = Duration.ofSeconds(90);

  /** The repository root: tests run in the module directory. */
  public static final Path ROOT = projectRoot();

  private final Path script;

  private NodeScript(Path script) {
    this.script = script;
  }

  /** The script {@code peers/node/<name>}, checked to exist with its packages installed. */
  public static NodeScript named(String name) {
    Path script = ROOT.resolve("peers").resolve("node").resolve(name);
    if (!Files.isRegularFile(script)) {
      fail("The Node script is missing: expected " + script + ".");
    }
    if (!Files.isDirectory(script.resolveSibling("node_modules").resolve("@asyncapi"))) {
      fail("The Node peer's packages are not installed (" + script.resolveSibling("node_modules")
          + " lacks @asyncapi): run scripts/bootstrap.sh (it runs npm ci --prefix peers/node).");
    }
    return new NodeScript(script);
  }

  /** What a run printed (standard output and error together) and how it ended. */
  public record Result(int exitCode, String output) {}

  /**
   * Runs {@code node <script> <arguments>} in the script's folder, its output going to a file in
   * {@code work}.
   */
  public Result run(Path work, String... arguments) {
    List<String> command = new ArrayList<>(List.of("node", script.getFileName().toString()));
    command.addAll(List.of(arguments));
    Path output = work.resolve(script.getFileName() + "-" + System.nanoTime() + ".out");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(script.getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    try {
      Process process = builder.start();
      if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + DEADLINE + ":\n"
            + Files.readString(output));
      }
      return new Result(process.exitValue(), Files.readString(output));
    } catch (IOException e) {
      throw new AssertionError("Cannot run 'node' (Node 20 is needed for this test): install it, e.g."
          + " with scripts/bootstrap.sh. " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running " + String.join(" ", command), e);
    }
  }

  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isDirectory(candidate.resolve("peers")) && Files.isDirectory(candidate.resolve("schemas"))) {
        return candidate;
      }
    }
    throw new AssertionError("No 'peers' directory above " + dir + ": run the tests inside the repository.");
  }
}
