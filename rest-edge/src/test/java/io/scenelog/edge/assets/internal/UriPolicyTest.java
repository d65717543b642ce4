package io.scenelog.edge.assets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scenelog.edge.assets.AssetRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UriPolicyTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "'', cube.bin, cube.bin",
        "'', ./textures/./a.png, textures/a.png",
        "'', textures//a.png, textures/a.png",
        "model/, ../shared/a.bin, shared/a.bin",
        "model/, textures/../a.bin, model/a.bin",
        "'', my%20texture.png, my texture.png",
        "'', my texture.png, my texture.png",
        "'', t%C3%BCr.png, tür.png",
        "'', a/b:c.bin, a/b:c.bin"})
    void shouldResolveARelativeUriInsideThePackage(String base, String uri, String expected) {
        assertThat(UriPolicy.resolve(base, uri, "/buffers/0/uri")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "../a.bin", "a/../../b.bin", "/abs.bin", "//host/a.bin", "file:a.bin",
        "FILE:///a.bin", "http://x/y", "jar:file:/x!/y", "C:/x.bin", "c:x.bin", "a\\b.bin", "%2e%2e/a.bin",
        "%2E%2E%2fa.bin", "a%2F..%2F..%2Fb.bin", "%2fetc/passwd", "%5c..%5cb", "file%3a///etc/passwd",
        "a%00.bin", "a\u0001.bin", "%", "%4", "%G0", "%C3%28.bin", "a.bin?x", "a.bin#frag"})
    void shouldRefuseAUriThatCouldLeaveThePackage(String uri) {
        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> UriPolicy.resolve("", uri, "/images/2/uri"));

        assertThat(rejected).as(uri).isNotNull();
        assertThat(rejected.details()).containsEntry("rule", "uri-unsafe").containsEntry("pointer", "/images/2/uri");
    }

    @Test
    void shouldAllowParentSegmentsThatStayInsideThePackage() {
        assertThat(UriPolicy.resolve("a/b/", "../../c.bin", "/buffers/0/uri")).isEqualTo("c.bin");
    }

    @Test
    void shouldQuoteLongUrisShortened() {
        assertThat(UriPolicy.shown("x".repeat(200))).hasSize(83).endsWith("…'");
    }
}
