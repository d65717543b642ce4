package io.scenelog.renderer.vulkan.internal;

import static org.lwjgl.util.shaderc.Shaderc.shaderc_compilation_status_success;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compile_into_spv;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compile_options_initialize;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compile_options_release;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compile_options_set_optimization_level;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compiler_initialize;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_compiler_release;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_fragment_shader;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_optimization_level_performance;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_result_get_bytes;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_result_get_compilation_status;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_result_get_error_message;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_result_release;
import static org.lwjgl.util.shaderc.Shaderc.shaderc_vertex_shader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lwjgl.system.MemoryUtil;

/**
 * Compiles the GLSL shaders in this package's resources to SPIR-V with shaderc when the renderer starts. Compiling
 * at start-up (a few milliseconds) keeps the GLSL the only source: no checked-in binary that can drift from it.
 */
public final class ShaderCompiler {

    private static final String RESOURCES = "/io/scenelog/renderer/vulkan/shaders/";

    private ShaderCompiler() {
    }

    /** The SPIR-V of a resource shader ("mesh.vert", "grid.frag"...), in a buffer the caller frees. */
    public static ByteBuffer compileResource(String name) {
        return compile(name, source(name));
    }

    /**
     * The SPIR-V of a GLSL source; the stage comes from the name's extension (.vert or .frag). The returned
     * buffer is allocated with {@link MemoryUtil#memAlloc} and must be freed with {@link MemoryUtil#memFree}.
     *
     * @throws IllegalArgumentException naming the shader and shaderc's message when it does not compile
     */
    public static ByteBuffer compile(String name, String glsl) {
        int kind = name.endsWith(".vert") ? shaderc_vertex_shader : shaderc_fragment_shader;
        long compiler = shaderc_compiler_initialize();
        long options = shaderc_compile_options_initialize();
        try {
            shaderc_compile_options_set_optimization_level(options, shaderc_optimization_level_performance);
            long result = shaderc_compile_into_spv(compiler, glsl, kind, name, "main", options);
            try {
                if (shaderc_result_get_compilation_status(result) != shaderc_compilation_status_success) {
                    throw new IllegalArgumentException("shader " + name + " does not compile: "
                            + shaderc_result_get_error_message(result));
                }
                ByteBuffer spirv = shaderc_result_get_bytes(result);
                ByteBuffer copy = MemoryUtil.memAlloc(spirv.remaining());
                copy.put(spirv).flip();
                return copy;
            } finally {
                shaderc_result_release(result);
            }
        } finally {
            shaderc_compile_options_release(options);
            shaderc_compiler_release(compiler);
        }
    }

    private static String source(String name) {
        try (InputStream in = ShaderCompiler.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("shader resource " + RESOURCES + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shader " + name, e);
        }
    }
}
