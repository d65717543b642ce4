package io.scenelog.renderer.vulkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DeviceSelectionTest {

    private static VulkanDeviceInfo device(int index, String name, VulkanDeviceType type) {
        return new VulkanDeviceInfo(index, name, type, "1.3.0", true);
    }

    @Test
    void shouldPreferADiscreteGpuOverEverythingElse() {
        // given the loader lists the CPU renderer first
        List<VulkanDeviceInfo> devices = List.of(device(0, "llvmpipe", VulkanDeviceType.CPU),
                device(1, "Intel UHD", VulkanDeviceType.INTEGRATED_GPU),
                device(2, "virtio", VulkanDeviceType.VIRTUAL_GPU),
                device(3, "NVIDIA H100", VulkanDeviceType.DISCRETE_GPU));
        // when / then
        assertThat(VulkanDevices.preferred(devices, OptionalInt.empty()).index()).isEqualTo(3);
    }

    @Test
    void shouldPreferIntegratedThenVirtualThenCpu() {
        VulkanDeviceInfo cpu = device(0, "llvmpipe", VulkanDeviceType.CPU);
        VulkanDeviceInfo virtual = device(1, "virtio", VulkanDeviceType.VIRTUAL_GPU);
        VulkanDeviceInfo integrated = device(2, "Intel UHD", VulkanDeviceType.INTEGRATED_GPU);

        assertThat(VulkanDevices.preferred(List.of(cpu, virtual, integrated), OptionalInt.empty()))
                .isEqualTo(integrated);
        assertThat(VulkanDevices.preferred(List.of(cpu, virtual), OptionalInt.empty())).isEqualTo(virtual);
        assertThat(VulkanDevices.preferred(List.of(cpu), OptionalInt.empty())).isEqualTo(cpu);
    }

    @Test
    void shouldChooseByTypeNeverByName() {
        // given a CPU device whose name sounds like a GPU
        List<VulkanDeviceInfo> devices = List.of(device(0, "Discrete GPU (really)", VulkanDeviceType.CPU),
                device(1, "llvmpipe", VulkanDeviceType.INTEGRATED_GPU));
        // when / then
        assertThat(VulkanDevices.preferred(devices, OptionalInt.empty()).index()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheLoadersOrderAmongDevicesOfOneType() {
        List<VulkanDeviceInfo> devices = List.of(device(0, "GPU A", VulkanDeviceType.DISCRETE_GPU),
                device(1, "GPU B", VulkanDeviceType.DISCRETE_GPU));

        assertThat(VulkanDevices.preferred(devices, OptionalInt.empty()).index()).isZero();
    }

    @Test
    void shouldSkipDevicesWithoutAGraphicsQueue() {
        List<VulkanDeviceInfo> devices = List.of(
                new VulkanDeviceInfo(0, "compute only", VulkanDeviceType.DISCRETE_GPU, "1.3.0", false),
                device(1, "llvmpipe", VulkanDeviceType.CPU));

        assertThat(VulkanDevices.preferred(devices, OptionalInt.empty()).index()).isEqualTo(1);
    }

    @Test
    void shouldHonourAnIndexOverride() {
        List<VulkanDeviceInfo> devices = List.of(device(0, "NVIDIA", VulkanDeviceType.DISCRETE_GPU),
                device(1, "llvmpipe", VulkanDeviceType.CPU));

        assertThat(VulkanDevices.preferred(devices, OptionalInt.of(1)).index()).isEqualTo(1);
    }

    @Test
    void shouldRejectAnOverrideThatNamesNoDevice() {
        List<VulkanDeviceInfo> devices = List.of(device(0, "llvmpipe", VulkanDeviceType.CPU));

        assertThatThrownBy(() -> VulkanDevices.preferred(devices, OptionalInt.of(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 4 does not exist");
    }

    @Test
    void shouldSayWhatToInstallWhenThereIsNoDevice() {
        assertThatThrownBy(() -> VulkanDevices.preferred(List.of(), OptionalInt.empty()))
                .isInstanceOf(VulkanUnavailableException.class)
                .hasMessageContaining("libvulkan1").hasMessageContaining("mesa-vulkan-drivers");
    }
}
