package io.scenelog.renderer.node.internal;

import io.scenelog.model.SessionRecord;
import io.scenelog.renderer.node.RenderNodeSettings;
import io.scenelog.renderer.session.SessionRendererSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a renderer process: this JVM's java binary, the node's own class path, the configured JVM
 * options and main class, and the session's {@link SessionRendererSettings} as arguments. The token key travels in
 * a file ({@code --token-key-file}), never on the command line, where every local user could read it.
 */
public final class RendererCommand {

    private final RenderNodeSettings settings;
    private final Path tokenKeyFile;

    public RendererCommand(RenderNodeSettings settings, Path tokenKeyFile) {
        this.settings = settings;
        this.tokenKeyFile = tokenKeyFile;
    }

    /** The command that renders the session. */
    public List<String> forSession(SessionRecord session) {
        SessionRendererSettings renderer = SessionRendererSettings.defaults(session.getSessionId(),
                        session.getSceneId(), settings.bootstrapServers(), settings.schemaRegistryUrl(),
                        settings.streamsQueryEndpoints(), tokenKeyFile, settings.cacheDirectory(),
                        settings.assetBaseUrl())
                .withNodeId(settings.nodeId())
                .withKafkaOverrides(settings.kafkaOverrides())
                .with("bind-host", settings.bindHost())
                .with("advertised-host", settings.host())
                .with("cache-max-bytes", Long.toString(settings.cacheMaxBytes()));
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(settings.rendererJvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(settings.rendererMainClass());
        command.addAll(renderer.toArguments());
        return command;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
