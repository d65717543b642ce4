package io.scenelog.nodecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several renderer JVMs of one node ask for the same large blob at once: the platform is asked exactly once, and
 * every process reads bytes that hash to the blob's name.
 */
class MultiProcessIntegrationTest {

    private static final int PROCESSES = 4;
    private static final int SIZE = 8 << 20;
    private static final long DEADLINE_SECONDS = 120;

    @TempDir
    Path directory;

    private final List<Child> children = new ArrayList<>();
    private final TestUpstream upstream;

    MultiProcessIntegrationTest() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stop() {
        children.forEach(child -> child.process.destroyForcibly());
        upstream.close();
    }

    @Test
    void shouldFetchOnceForAllProcessesAndServeEachAVerifiedCopy() throws Exception {
        // given
        UUID scene = UUID.randomUUID();
        String sha = upstream.addAsset(scene, TestUpstream.randomBytes(SIZE, 42));
        CountDownLatch gate = new CountDownLatch(1);
        upstream.holdBodiesUntil(gate);
        for (int i = 0; i < PROCESSES; i++) {
            children.add(Child.start(directory, upstream, scene, sha));
        }
        for (Child child : children) {
            assertThat(child.next()).isEqualTo("READY");
        }
        // when: all ask at once; the first download stalls halfway until every process has asked
        for (Child child : children) {
            child.send("GO");
        }
        for (Child child : children) {
            assertThat(child.next()).isEqualTo("OPENING");
        }
        assertThat(upstream.awaitFirstBody(DEADLINE_SECONDS)).isTrue();
        gate.countDown();
        // then
        List<String> answers = new ArrayList<>();
        for (Child child : children) {
            answers.add(child.next());
            assertThat(child.process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer).startsWith("OK " + sha + " "));
        assertThat(answers).filteredOn(answer -> answer.endsWith(" true")).hasSize(1);
        assertThat(upstream.requestsFor(sha)).isEqualTo(1);
    }

    /** One renderer-like JVM with this module's test classpath; its stdout lines arrive on a queue. */
    private record Child(Process process, Writer stdin, LinkedBlockingQueue<String> lines) {

        static Child start(Path directory, TestUpstream upstream, UUID scene, String sha) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    RendererLikeProcess.class.getName(), directory.toString(), upstream.uri().toString(),
                    scene.toString(), sha)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("ERROR reading the child's output: " + e);
                }
            }, "child-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            return new Child(process, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                    lines);
        }

        String next() throws InterruptedException {
            String line = lines.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
            return line == null ? "TIMEOUT waiting for process " + process.pid() : line;
        }

        void send(String line) throws IOException {
            stdin.write(line + "\n");
            stdin.flush();
        }
    }
}
