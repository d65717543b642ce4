package io.scenelog.renderer.session;

/**
 * A renderer setting has a value the renderer cannot run with; the message names the setting (as its command-line
 * argument), the value and the fix.
 */
public final class InvalidSessionRendererSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the setting's argument name, e.g. {@code frame-port}
     * @param value   the value given
     * @param fix     what to give instead
     */
    public InvalidSessionRendererSettingsException(String setting, Object value, String fix) {
        super("Invalid renderer setting --" + setting + "=" + value + ": " + fix);
        this.setting = setting;
    }

    /** The setting's argument name. */
    public String setting() {
        return setting;
    }
}
