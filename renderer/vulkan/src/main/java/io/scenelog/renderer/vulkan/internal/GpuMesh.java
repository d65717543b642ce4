package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_INDEX_BUFFER_BIT;
import static org.lwjgl.vulkan.VK10.VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
import static org.lwjgl.vulkan.VK10.VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;

import io.scenelog.renderer.draw.MeshData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * A mesh on the device: interleaved vertices (position, normal, uv) followed by 32-bit indices in one buffer.
 * The buffer is host-visible, preferring memory that is also device-local (all memory on lavapipe and integrated
 * GPUs, the resizable BAR on discrete ones), so an upload is one copy with no staging pass.
 */
public final class GpuMesh implements GpuResource {

    private final GpuBuffer buffer;
    private final long indexOffset;
    private final int indexCount;

    private GpuMesh(GpuBuffer buffer, long indexOffset, int indexCount) {
        this.buffer = buffer;
        this.indexOffset = indexOffset;
        this.indexCount = indexCount;
    }

    /** Uploads the mesh. */
    public static GpuMesh upload(GpuDevice device, MeshData mesh) {
        long vertexBytes = (long) mesh.vertexCount() * GraphicsPipeline.VERTEX_STRIDE;
        long indexBytes = (long) mesh.indices().length * Integer.BYTES;
        GpuBuffer buffer = GpuBuffer.hostVisible(device, vertexBytes + indexBytes,
                VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_INDEX_BUFFER_BIT,
                VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
        ByteBuffer mapped = buffer.mapped().order(ByteOrder.nativeOrder());
        FloatBuffer vertices = mapped.asFloatBuffer();
        float[] positions = mesh.positions();
        float[] normals = mesh.normals();
        float[] uvs = mesh.uvs();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            vertices.put(positions, v * 3, 3).put(normals, v * 3, 3).put(uvs, v * 2, 2);
        }
        mapped.position(Math.toIntExact(vertexBytes));
        mapped.asIntBuffer().put(mesh.indices());
        buffer.flush();
        return new GpuMesh(buffer, vertexBytes, mesh.indices().length);
    }

    public long buffer() {
        return buffer.handle();
    }

    /** Where the indices start in the buffer. */
    public long indexOffset() {
        return indexOffset;
    }

    public int indexCount() {
        return indexCount;
    }

    @Override
    public long bytes() {
        return buffer.size();
    }

    @Override
    public void close() {
        buffer.close();
    }
}
