package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT;
import static org.lwjgl.vulkan.VK10.VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;

import io.scenelog.renderer.draw.LightData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.joml.Matrix4fc;
import org.joml.Vector3fc;

/**
 * The per-viewport uniform block (camera, lights, ambient) of a frame: one slot per viewport in one mapped buffer,
 * bound with a dynamic offset. The layout is std140 and must match {@code Frame} in the shaders.
 */
public final class FrameUniforms implements AutoCloseable {

    /** The most lights a frame shades with; further lights are ignored (see the README). */
    public static final int MAX_LIGHTS = 8;
    /** view, proj (2 mat4), camera position, ambient, counts (3 vec4), lights (4 vec4 each). */
    public static final int BLOCK_BYTES = 2 * 64 + 3 * 16 + MAX_LIGHTS * 4 * 16;
    /** The outer cone of a spot light: LightData carries no cone, so the Light component's default (45 degrees). */
    private static final float SPOT_OUTER_COS = (float) Math.cos(Math.toRadians(45));
    private static final float SPOT_INNER_COS = 1f;

    private final GpuDevice device;
    private final DescriptorSetLayout layout;
    private final long slotBytes;
    private GpuBuffer buffer;
    private DescriptorSet descriptor;
    private int slots;

    public FrameUniforms(GpuDevice device, DescriptorSetLayout layout) {
        this.device = device;
        this.layout = layout;
        this.slotBytes = (BLOCK_BYTES + device.uniformAlignment() - 1) / device.uniformAlignment()
                * device.uniformAlignment();
        allocate(4);
    }

    private void allocate(int count) {
        if (descriptor != null) {
            descriptor.close();
            buffer.close();
        }
        buffer = GpuBuffer.hostVisible(device, slotBytes * count, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
        descriptor = new DescriptorSet(device, layout).writeBuffer(buffer, BLOCK_BYTES);
        slots = count;
    }

    /** Makes room for this many viewports; only call while the device uses none of it. */
    public void ensureSlots(int count) {
        if (count > slots) {
            allocate(Integer.highestOneBit(count - 1) << 1);
        }
    }

    /** Writes the block of one viewport. */
    public void write(int slot, Matrix4fc view, Matrix4fc projection, Vector3fc cameraPosition, Vector3fc ambient,
            List<LightData> lights) {
        ByteBuffer out = buffer.mapped().order(ByteOrder.nativeOrder());
        int base = Math.toIntExact(slot * slotBytes);
        view.get(base, out);
        projection.get(base + 64, out);
        int at = base + 128;
        putVec4(out, at, cameraPosition.x(), cameraPosition.y(), cameraPosition.z(), 1f);
        putVec4(out, at + 16, ambient.x(), ambient.y(), ambient.z(), 0f);
        int count = Math.min(lights.size(), MAX_LIGHTS);
        out.putInt(at + 32, count);
        at += 48;
        for (int i = 0; i < count; i++, at += 64) {
            LightData light = lights.get(i);
            Vector3fc p = light.position();
            Vector3fc d = light.direction();
            Vector3fc c = light.color();
            putVec4(out, at, p.x(), p.y(), p.z(), light.kind().ordinal());
            putVec4(out, at + 16, d.x(), d.y(), d.z(), light.range());
            putVec4(out, at + 32, c.x(), c.y(), c.z(), light.intensity());
            putVec4(out, at + 48, SPOT_INNER_COS, SPOT_OUTER_COS, 0f, 0f);
        }
    }

    private static void putVec4(ByteBuffer out, int at, float x, float y, float z, float w) {
        out.putFloat(at, x).putFloat(at + 4, y).putFloat(at + 8, z).putFloat(at + 12, w);
    }

    /** Makes this frame's writes visible to the device. */
    public void flush() {
        buffer.flush();
    }

    /** The dynamic offset of a slot. */
    public int offset(int slot) {
        return Math.toIntExact(slot * slotBytes);
    }

    public long descriptorSet() {
        return descriptor.handle();
    }

    @Override
    public void close() {
        descriptor.close();
        buffer.close();
    }
}
