package io.scenelog.renderer.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.livelink.Hello;
import io.scenelog.livelink.Welcome;
import io.scenelog.model.Role;
import io.scenelog.schemas.livelink.Direction;
import io.scenelog.schemas.livelink.Frame;
import io.scenelog.schemas.livelink.FrameCodec;
import io.scenelog.schemas.livelink.LivelinkSchemas;
import io.scenelog.schemas.renderlink.RenderLinkMessage;
import io.scenelog.schemas.renderlink.RenderLinkStreams;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer as its own process, the way a render node runs it. */
class SessionRendererMainProcessTest {

    @TempDir
    Path directory;

    @Test
    void shouldPrintReadyServeBridgesAndExitCleanlyWhenTerminated() throws Exception {
        // given: a platform address where nothing answers yet (the renderer keeps trying in the background)
        TokenKey key = TokenKey.generate();
        Path keyFile = Files.writeString(directory.resolve("token.key"), key.toBase64());
        UUID sessionId = UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SessionRendererMain.class.getName()));
        command.addAll(SessionRendererSettings.defaults(sessionId, UUID.randomUUID(), "127.0.0.1:1",
                "http://127.0.0.1:1", List.of("127.0.0.1:1"), keyFile, directory.resolve("cache"),
                "http://127.0.0.1:1").toArguments());
        Process process = new ProcessBuilder(command).redirectError(directory.resolve("stderr.txt").toFile()).start();
        try {
            // when
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = out.readLine();

            // then: one line names the endpoint, and a bridge is welcome there
            assertThat(ready).as("stderr: %s", stderr()).startsWith(SessionRendererMain.READY + " tcp://127.0.0.1:");
            URI endpoint = URI.create(ready.substring(SessionRendererMain.READY.length() + 1));
            String token = new TokenIssuer(key, Clock.systemUTC()).issue(TokenClaims.of("bridge", Role.ADMIN),
                    Duration.ofMinutes(5));
            assertThat(helloAt(endpoint, token).getSessionId()).isEqualTo(sessionId);

            // when
            process.destroy();

            // then
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(process.exitValue()).as("stderr: %s", stderr()).isZero();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldExitWithAClearMessageOnABadArgument() throws Exception {
        // given
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SessionRendererMain.class.getName(), "--frame-port=x");
        Process process = new ProcessBuilder(command).redirectError(directory.resolve("stderr.txt").toFile()).start();

        // then
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr()).contains("--session-id").contains("required");
    }

    private String stderr() throws IOException {
        Path file = directory.resolve("stderr.txt");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static Welcome helloAt(URI endpoint, String token) throws IOException {
        FrameCodec codec = new FrameCodec();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            RenderLinkStreams.write(socket.getOutputStream(), RenderLinkMessage.ofLink(codec.encode(Frame.of(
                    Hello.newBuilder().setProtocolVersion(LivelinkSchemas.PROTOCOL_VERSION).setToken(token)
                            .setVideoCodecs(List.of()).build()))));
            socket.getOutputStream().flush();
            RenderLinkMessage answer = RenderLinkStreams.read(socket.getInputStream(), 1 << 20);
            return codec.decode(ByteBuffer.wrap(answer.frame()), Direction.SERVER_TO_CLIENT).payload(Welcome.class);
        }
    }
}
