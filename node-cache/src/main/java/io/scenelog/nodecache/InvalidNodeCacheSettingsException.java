package io.scenelog.nodecache;

/** A node-cache setting with an unusable value; the message names the setting, the value and the fix. */
public final class InvalidNodeCacheSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidNodeCacheSettingsException(String setting, Object value, String fix) {
        super("Node-cache setting '" + setting + "' is " + (value == null ? "missing" : "'" + value + "'") + ": "
                + fix + ".");
    }
}
