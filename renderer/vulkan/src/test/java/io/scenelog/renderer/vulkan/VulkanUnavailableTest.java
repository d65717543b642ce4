package io.scenelog.renderer.vulkan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link VulkanDevices#list()} in a child JVM that has no Vulkan driver, or no loader, because a JVM loads the
 * loader once: the answer must be a {@link VulkanUnavailableException} that says what to install.
 */
class VulkanUnavailableTest {

    /** The child's main: prints the devices, or the exception. */
    public static final class Probe {
        public static void main(String[] args) {
            try {
                System.out.println("devices " + VulkanDevices.list());
            } catch (VulkanUnavailableException e) {
                System.out.println("unavailable " + e.getMessage());
            }
        }
    }

    @Test
    void shouldSayWhatToInstallWhenNoDriverIsInstalled() throws Exception {
        // given a loader that finds no driver manifest
        String output = runProbe(List.of(), Map.of("VK_ICD_FILENAMES", "/nonexistent/icd.json",
                "VK_DRIVER_FILES", "/nonexistent/icd.json"));
        // then
        assertThat(output).startsWith("unavailable").contains("no Vulkan driver")
                .contains("libvulkan1 mesa-vulkan-drivers");
    }

    @Test
    void shouldSayWhatToInstallWhenTheLoaderIsMissing() throws Exception {
        // given a loader library that does not exist
        String output = runProbe(List.of("-Dorg.lwjgl.vulkan.libname=/nonexistent/libvulkan.so.1"), Map.of());
        // then
        assertThat(output).startsWith("unavailable").contains("loader")
                .contains("libvulkan1 mesa-vulkan-drivers");
    }

    private static String runProbe(List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        return new String(output, StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("unavailable") || line.startsWith("devices"))
                .findFirst().orElse(new String(output, StandardCharsets.UTF_8));
    }
}
