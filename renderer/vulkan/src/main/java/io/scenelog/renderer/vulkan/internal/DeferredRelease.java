package io.scenelog.renderer.vulkan.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Resources evicted while a frame is being prepared: the frame being recorded may still draw them, so they are
 * closed only after its fence has signalled.
 */
public final class DeferredRelease {

    private final List<AutoCloseable> pending = new ArrayList<>();

    /** Closes this resource after the current frame. */
    public void add(AutoCloseable resource) {
        pending.add(resource);
    }

    /** The number waiting. */
    public int pending() {
        return pending.size();
    }

    /** Closes everything waiting; call only when the device uses none of it (after a fence or idle wait). */
    public void releaseAll() {
        RuntimeException failure = null;
        for (AutoCloseable resource : pending) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot free an evicted device resource", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        pending.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
