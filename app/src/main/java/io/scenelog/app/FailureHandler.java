package io.scenelog.app;

import picocli.CommandLine;

/**
 * Turns a failed command into one readable line on stderr (the cause chain's messages) and exit code 1. The full
 * stack trace is logged only with {@code --verbose}-style debugging, because operators read the message, not the
 * trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        StringBuilder message = new StringBuilder(command.getCommandName()).append(": ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        command.getErr().println(message);
        if (Boolean.getBoolean("scenelog.debug")) {
            e.printStackTrace(command.getErr());
        }
        return 1;
    }
}
