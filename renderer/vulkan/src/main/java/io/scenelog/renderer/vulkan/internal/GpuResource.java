package io.scenelog.renderer.vulkan.internal;

/** A mesh or texture uploaded to the device: what the upload cache holds, bounds by size and frees. */
public interface GpuResource extends AutoCloseable {

    /** The device bytes it holds. */
    long bytes();

    @Override
    void close();
}
