package io.scenelog.kafka.embedded.internal;

import io.scenelog.kafka.embedded.BrokerSettings;
import io.scenelog.kafka.embedded.InvalidBrokerSettingsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line of the broker process: {@link BrokerSettings} to arguments and back. A parser
 * of its own keeps this module free of a command-line library.
 */
public final class BrokerArguments {

    /** One line per option, for the usage message. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: BrokerMain --data-dir <path> [options]",
            "  --data-dir <path>          directory owned by this broker (required)",
            "  --host <host>              listener host (default " + BrokerSettings.DEFAULT_HOST + ")",
            "  --port <port>              client port, 0 picks a free one (default 0)",
            "  --controller-port <port>   KRaft controller port, 0 picks a free one (default 0)",
            "  --node-id <id>             KRaft node id (default " + BrokerSettings.DEFAULT_NODE_ID + ")",
            "  --cluster-id <id>          cluster id for a new data directory (default: generated)",
            "  --config <key>=<value>     broker config override, repeatable",
            "  --startup-timeout <ISO-8601 duration>  e.g. PT60S (default "
                    + BrokerSettings.DEFAULT_STARTUP_TIMEOUT + ")");

    private BrokerArguments() {
    }

    /**
     * @param settings validated settings
     * @return arguments that {@link #parse} turns back into equal settings
     */
    public static List<String> toArguments(BrokerSettings settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--data-dir", settings.dataDirectory().toString(),
                "--host", settings.host(),
                "--port", Integer.toString(settings.port()),
                "--controller-port", Integer.toString(settings.controllerPort()),
                "--node-id", Integer.toString(settings.nodeId()),
                "--startup-timeout", settings.startupTimeout().toString()));
        settings.clusterId().ifPresent(id -> arguments.addAll(List.of("--cluster-id", id)));
        new TreeMap<>(settings.configOverrides())
                .forEach((key, value) -> arguments.addAll(List.of("--config", key + "=" + value)));
        return arguments;
    }

    /**
     * @param arguments the command line
     * @return validated settings
     * @throws InvalidBrokerSettingsException naming the bad argument
     */
    public static BrokerSettings parse(List<String> arguments) {
        Path dataDirectory = null;
        List<String[]> pending = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            String option = arguments.get(i);
            if (i + 1 >= arguments.size()) {
                throw new InvalidBrokerSettingsException("Option " + option + " needs a value");
            }
            String value = arguments.get(i + 1);
            if (option.equals("--data-dir")) {
                dataDirectory = path(value);
            } else {
                pending.add(new String[] {option, value});
            }
        }
        if (dataDirectory == null) {
            throw new InvalidBrokerSettingsException("Option --data-dir is required: name the broker's directory");
        }
        BrokerSettings settings = BrokerSettings.defaults(dataDirectory);
        for (String[] option : pending) {
            settings = apply(settings, option[0], option[1]);
        }
        return settings;
    }

    private static BrokerSettings apply(BrokerSettings settings, String option, String value) {
        switch (option) {
            case "--host":
                return settings.withHost(value);
            case "--port":
                return settings.withPort(number(option, value));
            case "--controller-port":
                return settings.withControllerPort(number(option, value));
            case "--node-id":
                return settings.withNodeId(number(option, value));
            case "--cluster-id":
                return settings.withClusterId(value);
            case "--config":
                Map.Entry<String, String> entry = keyValue(value);
                return settings.withConfigOverride(entry.getKey(), entry.getValue());
            case "--startup-timeout":
                return settings.withStartupTimeout(duration(option, value));
            default:
                throw new InvalidBrokerSettingsException("Unknown option " + option + System.lineSeparator() + USAGE);
        }
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidBrokerSettingsException("Option --data-dir '" + value + "' is not a path", e);
        }
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidBrokerSettingsException("Option " + option + " '" + value + "' is not a whole number", e);
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidBrokerSettingsException("Option " + option + " '" + value
                    + "' is not an ISO-8601 duration such as PT60S", e);
        }
    }

    private static Map.Entry<String, String> keyValue(String value) {
        int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new InvalidBrokerSettingsException("Option --config '" + value + "' is not key=value, "
                    + "e.g. --config num.partitions=6");
        }
        return Map.entry(value.substring(0, equals), value.substring(equals + 1));
    }
}
