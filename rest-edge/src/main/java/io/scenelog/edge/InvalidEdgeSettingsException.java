package io.scenelog.edge;

/** An edge setting with an unusable value; the message names the setting, the value and the fix. */
public final class InvalidEdgeSettingsException extends IllegalArgumentException {

    public InvalidEdgeSettingsException(String setting, Object value, String fix) {
        super("Edge setting '" + setting + "' is " + (value == null ? "missing" : "'" + value + "'") + ": " + fix
                + ".");
    }
}
