package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.vulkan.VK10.VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
import static org.lwjgl.vulkan.VK10.vkCreateShaderModule;
import static org.lwjgl.vulkan.VK10.vkDestroyShaderModule;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.vulkan.VkShaderModuleCreateInfo;

/** A shader module compiled from one of the renderer's GLSL resources. */
public final class ShaderModule implements AutoCloseable {

    private final GpuDevice device;
    private final long module;

    public ShaderModule(GpuDevice device, String resource) {
        this.device = device;
        ByteBuffer spirv = ShaderCompiler.compileResource(resource);
        try (MemoryStack stack = stackPush()) {
            VkShaderModuleCreateInfo info = VkShaderModuleCreateInfo.calloc(stack)
                    .sType(VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO).pCode(spirv);
            LongBuffer handle = stack.mallocLong(1);
            Vk.check(vkCreateShaderModule(device.handle(), info, null, handle), "vkCreateShaderModule(" + resource
                    + ")");
            this.module = handle.get(0);
        } finally {
            MemoryUtil.memFree(spirv);
        }
    }

    public long handle() {
        return module;
    }

    @Override
    public void close() {
        vkDestroyShaderModule(device.handle(), module, null);
    }
}
