package io.scenelog.bridge;

/** A bridge setting has a value the bridge cannot run with; the message names the setting, the value and the fix. */
public final class InvalidBridgeSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the setting's name, as in {@link BridgeSettings}
     * @param value   the value given (never a secret: token keys are reported as redacted)
     * @param fix     what to give instead
     */
    public InvalidBridgeSettingsException(String setting, Object value, String fix) {
        super("Invalid bridge setting " + setting + "=" + value + ": " + fix);
        this.setting = setting;
    }

    /** The setting's name. */
    public String setting() {
        return setting;
    }
}
