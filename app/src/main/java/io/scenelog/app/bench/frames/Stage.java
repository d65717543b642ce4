package io.scenelog.app.bench.frames;

/** The steps a frame takes from the scene to a bridge, timed one by one. */
enum Stage {
    /** Drawing the scene on the GPU (lavapipe: the CPU). */
    RENDER("render"),
    /** Copying the picture back to host memory. */
    READBACK("readback"),
    /** RGBA to the encoder's I420. */
    CONVERT("convert"),
    /** The encoder itself. */
    ENCODE("encode"),
    /** The Livelink frame encoded, queued on RenderLink and read whole by the bridge on 127.0.0.1. */
    SEND("send"),
    /** All of the above, one frame. */
    TOTAL("total");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
