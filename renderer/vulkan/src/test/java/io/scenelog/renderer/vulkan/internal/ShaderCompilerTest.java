package io.scenelog.renderer.vulkan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lwjgl.system.MemoryUtil;

class ShaderCompilerTest {

    private static final int SPIRV_MAGIC = 0x07230203;

    @ParameterizedTest
    @ValueSource(strings = {"mesh.vert", "mesh.frag", "grid.vert", "grid.frag"})
    void shouldCompileEachShaderResourceToSpirv(String name) {
        ByteBuffer spirv = ShaderCompiler.compileResource(name);
        try {
            assertThat(spirv.remaining()).isPositive().isEqualTo(spirv.remaining() / 4 * 4);
            assertThat(spirv.order(ByteOrder.LITTLE_ENDIAN).getInt(0)).isEqualTo(SPIRV_MAGIC);
        } finally {
            MemoryUtil.memFree(spirv);
        }
    }

    @Test
    void shouldNameTheShaderAndTheErrorWhenTheSourceDoesNotCompile() {
        String broken = "#version 450\nvoid main() { undefinedThing = 1.0; }\n";

        assertThatThrownBy(() -> ShaderCompiler.compile("broken.frag", broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.frag").hasMessageContaining("undefinedThing");
    }

    @Test
    void shouldSayWhichResourceIsMissing() {
        assertThatThrownBy(() -> ShaderCompiler.compileResource("nothing.vert"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing.vert");
    }
}
