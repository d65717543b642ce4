package io.scenelog.app;

import picocli.CommandLine;

/** Gives tests in other packages the launcher's command line as {@code main} runs it. */
public final class ScenelogMainAccess {

    private ScenelogMainAccess() {
    }

    /** A fresh command line; tests redirect its output. */
    public static CommandLine commandLine() {
        return ScenelogMain.commandLine();
    }
}
