package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
import static org.lwjgl.vulkan.VK10.VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC;
import static org.lwjgl.vulkan.VK10.VK_SHADER_STAGE_FRAGMENT_BIT;
import static org.lwjgl.vulkan.VK10.VK_SHADER_STAGE_VERTEX_BIT;

import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.LightData;
import io.scenelog.renderer.draw.RenderedFrame;
import io.scenelog.renderer.draw.TextureData;
import io.scenelog.renderer.draw.Viewport;
import io.scenelog.renderer.vulkan.VulkanDeviceInfo;
import io.scenelog.renderer.vulkan.VulkanOptions;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joml.Vector3fc;
import org.lwjgl.vulkan.VkCommandBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renderer behind {@link io.scenelog.renderer.vulkan.VulkanFrameRenderer}: owns every Vulkan object and draws
 * one frame per call with one fence-synchronised submission. The command buffer, uniform buffer, render target
 * and readback buffer are reused from frame to frame; meshes and textures are uploaded once per key.
 */
public final class OffscreenRenderer implements AutoCloseable {

    // Cache keys are namespaced by kind, so that a mesh and a texture with equal content keys never collide and
    // the casts below hold.
    private static final String MESH_KEY = "mesh:";
    private static final String TEXTURE_KEY = "texture:";
    private static final Logger LOG = LoggerFactory.getLogger(OffscreenRenderer.class);

    private final VulkanOptions options;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final GpuDevice device;
    private final RenderPass pass;
    private final DescriptorSetLayout textureLayout;
    private final Sampler sampler;
    private final OneShotCommands uploads;
    private final FrameUniforms uniforms;
    private final FrameRecorder recorder;
    private final TimestampQueries timestamps;
    private final CommandPool commandPool;
    private final VkCommandBuffer frameCommands;
    private final Fence frameFence;
    private final GpuTexture white;
    private final DeferredRelease released = new DeferredRelease();
    private final UploadCache<String, GpuResource> uploaded;
    private RenderTarget target;
    private GpuMesh[] frameMeshes = new GpuMesh[64];
    private long[] frameTextures = new long[64];
    private final Set<String> refusedTextures = new HashSet<>();
    private boolean warnedAboutLights;
    private boolean closed;

    /** Opens the device and builds everything a frame needs; closes what it built when a step fails. */
    public OffscreenRenderer(VulkanOptions options, VulkanInstance instance, VulkanDeviceInfo chosen) {
        this.options = options;
        try {
            device = own(GpuDevice.create(chosen, instance.physicalDevices().get(chosen.index())));
            pass = own(new RenderPass(device));
            DescriptorSetLayout frameLayout = own(new DescriptorSetLayout(device,
                    VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC,
                    VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT));
            textureLayout = own(new DescriptorSetLayout(device, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
                    VK_SHADER_STAGE_FRAGMENT_BIT));
            PipelineLayout layout = own(new PipelineLayout(device,
                    new long[] {frameLayout.handle(), textureLayout.handle()}, FrameRecorder.PUSH_CONSTANT_STAGES,
                    FrameRecorder.PUSH_CONSTANT_BYTES));
            GraphicsPipeline meshPipeline;
            GraphicsPipeline gridPipeline;
            try (ShaderModule meshVert = new ShaderModule(device, "mesh.vert");
                    ShaderModule meshFrag = new ShaderModule(device, "mesh.frag");
                    ShaderModule gridVert = new ShaderModule(device, "grid.vert");
                    ShaderModule gridFrag = new ShaderModule(device, "grid.frag")) {
                meshPipeline = own(GraphicsPipeline.opaqueMeshes(device, pass, layout, meshVert, meshFrag));
                gridPipeline = own(GraphicsPipeline.grid(device, pass, layout, gridVert, gridFrag));
            }
            sampler = own(new Sampler(device));
            commandPool = own(new CommandPool(device));
            uploads = own(new OneShotCommands(device, commandPool));
            frameCommands = commandPool.allocate();
            frameFence = own(new Fence(device));
            uniforms = own(new FrameUniforms(device, frameLayout));
            timestamps = own(new TimestampQueries(device));
            recorder = own(new FrameRecorder(pass, layout, meshPipeline, gridPipeline));
            white = own(GpuTexture.upload(device, uploads, textureLayout, sampler,
                    new TextureData("white", 1, 1, new byte[] {-1, -1, -1, -1})));
            // Meshes and textures share one bound: it is the device memory they take together that matters.
            uploaded = new UploadCache<>(options.cacheBytes(), GpuResource::bytes, released::add);
        } catch (RuntimeException e) {
            closeOwned();
            throw e;
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        return resource;
    }

    /** Draws and reads back one frame. */
    public RenderedFrame render(DrawScene scene, int width, int height, List<Viewport> viewports) {
        if (closed) {
            throw new IllegalStateException("the renderer on " + device.info().description() + " is closed");
        }
        requireSize(width, height);
        if (viewports.isEmpty()) {
            throw new IllegalArgumentException("a frame needs at least one viewport");
        }
        long start = System.nanoTime();
        if (target == null || !target.fits(width, height)) {
            // The previous frame's fence has signalled, so the old target is idle.
            if (target != null) {
                target.close();
                target = null;
            }
            target = new RenderTarget(device, pass, width, height);
        }
        List<ViewportRect> rects = writeUniforms(scene, viewports, width, height);
        resolveItems(scene.items());
        FrameRecorder.Frame frame = new FrameRecorder.Frame(target, scene.skyColor(), scene.groundGrid(), rects,
                uniforms, scene.items(), frameMeshes, frameTextures, timestamps);
        try {
            commandPool.recordSubmitAndWait(frameCommands, frameFence, cmd -> recorder.record(cmd, frame));
        } finally {
            released.releaseAll();
        }
        long copyNanos = timestamps.copyNanos();
        long readStart = System.nanoTime();
        ByteBuffer pixels = target.pixels().limit(width * height * 4);
        long end = System.nanoTime();
        long readback = copyNanos + (end - readStart);
        return new RenderedFrame(width, height, pixels, scene.version(), end - start - readback, readback);
    }

    private void requireSize(int width, int height) {
        int maxWidth = Math.min(options.maxFrameWidth(), device.maxImageDimension());
        int maxHeight = Math.min(options.maxFrameHeight(), device.maxImageDimension());
        if (width < 1 || height < 1 || width > maxWidth || height > maxHeight) {
            throw new IllegalArgumentException("frame size " + width + "x" + height + " is outside 1x1.."
                    + maxWidth + "x" + maxHeight + " (the renderer's bound and " + device.info().description()
                    + "'s limit)");
        }
    }

    private List<ViewportRect> writeUniforms(DrawScene scene, List<Viewport> viewports, int width, int height) {
        uniforms.ensureSlots(viewports.size());
        List<LightData> lights = SceneLighting.lights(scene);
        if (lights.size() > FrameUniforms.MAX_LIGHTS && !warnedAboutLights) {
            warnedAboutLights = true;
            LOG.warn("Scene version {} has {} lights; the renderer shades with the first {} only.", scene.version(),
                    lights.size(), FrameUniforms.MAX_LIGHTS);
        }
        Vector3fc ambient = SceneLighting.ambient(scene);
        List<ViewportRect> rects = new ArrayList<>(viewports.size());
        for (int i = 0; i < viewports.size(); i++) {
            Viewport viewport = viewports.get(i);
            ViewportRect rect = ViewportRect.of(viewport, width, height);
            rects.add(rect);
            uniforms.write(i, viewport.camera().view(), viewport.camera().projection(rect.aspect()),
                    viewport.camera().position(), ambient, lights);
        }
        uniforms.flush();
        return rects;
    }

    private void resolveItems(List<DrawItem> items) {
        if (frameMeshes.length < items.size()) {
            frameMeshes = new GpuMesh[Integer.highestOneBit(items.size()) << 1];
            frameTextures = new long[frameMeshes.length];
        }
        for (int i = 0; i < items.size(); i++) {
            DrawItem item = items.get(i);
            frameMeshes[i] = (GpuMesh) uploaded.get(MESH_KEY + item.mesh().key(),
                    () -> GpuMesh.upload(device, item.mesh()));
            frameTextures[i] = item.material().baseColorTexture().map(this::texture).orElse(white)
                    .descriptorSet();
        }
    }

    // A texture the device cannot hold draws as untextured rather than failing every frame of the scene.
    private GpuTexture texture(TextureData texture) {
        if (refusedTextures.contains(texture.key())) {
            return white;
        }
        try {
            return (GpuTexture) uploaded.get(TEXTURE_KEY + texture.key(),
                    () -> GpuTexture.upload(device, uploads, textureLayout, sampler, texture));
        } catch (IllegalArgumentException e) {
            refusedTextures.add(texture.key());
            LOG.warn("Texture {} is drawn without its image: {}", texture.key(), e.getMessage());
            return white;
        }
    }

    /** The device drawn with. */
    public VulkanDeviceInfo device() {
        return device.info();
    }

    /** Bytes of uploaded meshes and textures. */
    public long cachedBytes() {
        return uploaded.bytes();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        device.waitIdle();
        uploaded.clear();
        released.releaseAll();
        if (target != null) {
            target.close();
        }
        closeOwned();
    }

    private void closeOwned() {
        RuntimeException failure = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cannot free a Vulkan object", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
