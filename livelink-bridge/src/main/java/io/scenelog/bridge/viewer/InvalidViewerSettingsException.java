package io.scenelog.bridge.viewer;

/** A viewer setting has a value the page cannot work with; the message names the setting and the fix. */
public final class InvalidViewerSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidViewerSettingsException(String message) {
        super(message);
    }
}
