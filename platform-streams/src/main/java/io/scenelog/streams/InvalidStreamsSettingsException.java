package io.scenelog.streams;

/** A platform-streams setting with an unusable value; the message names the setting, the value and the fix. */
public final class InvalidStreamsSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidStreamsSettingsException(String setting, Object value, String fix) {
        super("Streams setting '" + setting + "' is " + (value == null ? "missing" : "'" + value + "'") + ": " + fix
                + ".");
    }
}
