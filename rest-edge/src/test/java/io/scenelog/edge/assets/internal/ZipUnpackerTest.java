package io.scenelog.edge.assets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenelog.edge.assets.AssetRejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZipUnpackerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"cube.gltf, cube.gltf", "./cube.gltf, cube.gltf", "a//b/./c.bin, a/b/c.bin", "dir/, dir",
        "my model/scene.gltf, my model/scene.gltf", "a..b/c.bin, a..b/c.bin"})
    void shouldNormaliseASafeEntryName(String raw, String expected) {
        assertThat(ZipUnpacker.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "..", "../a", "a/../b", "a/..", "/a", "\\a", "a\\b", "C:a", "z:/a", "a\u0000b",
        "a\nb", "."})
    void shouldRefuseAnEntryNameThatCouldMeanAnotherPlace(String raw) {
        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> ZipUnpacker.normalise(raw));

        assertThat(rejected).as(raw).isNotNull();
        assertThat(rejected.rule()).isEqualTo("unsafe-entry-name");
    }
}
