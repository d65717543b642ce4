package io.scenelog.renderer.node;

/** A render node setting is unusable; the message names the setting, the value and the fix. Not retryable. */
public class InvalidRenderNodeSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param setting the setting's name
     * @param value   the unusable value (never a secret)
     * @param fix     what to do instead
     */
    public InvalidRenderNodeSettingsException(String setting, Object value, String fix) {
        super("Invalid render node setting " + setting + "=" + value + ": " + fix);
    }
}
