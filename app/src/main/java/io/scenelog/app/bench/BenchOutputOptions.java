package io.scenelog.app.bench;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a benchmark also writes its results ({@code --json}, {@code --markdown}); shared by the bench commands. */
public final class BenchOutputOptions {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON here.")
    private Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the results as Markdown here.")
    private Path markdown;

    /** The JSON file asked for, if any. */
    public Optional<Path> json() {
        return Optional.ofNullable(json);
    }

    /** The Markdown file asked for, if any. */
    public Optional<Path> markdown() {
        return Optional.ofNullable(markdown);
    }
}
