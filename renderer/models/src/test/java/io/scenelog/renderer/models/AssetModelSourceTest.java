package io.scenelog.renderer.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenelog.model.AssetRef;
import io.scenelog.model.Color;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.ModelPart;
import io.scenelog.renderer.draw.ModelUnavailableException;
import io.scenelog.renderer.draw.TextureData;
import io.scenelog.renderer.models.gltf.GltfLimits;
import io.scenelog.renderer.models.gltf.MapAssetSource;
import io.scenelog.renderer.models.gltf.TestGltfs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.joml.Matrix4f;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;

class AssetModelSourceTest {

    private final MapAssetSource assets = new MapAssetSource();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private AssetModelSource source = new AssetModelSource(assets, ModelSourceSettings.defaults(), clock);

    private static MeshRef asset(String sha) {
        return MeshRef.newBuilder().setAsset(AssetRef.newBuilder().setSha256(sha).build()).build();
    }

    private static MeshRef primitive(PrimitiveShape shape) {
        return MeshRef.newBuilder().setPrimitive(shape).build();
    }

    private static Material material(float r, AssetRef texture) {
        return Material.newBuilder().setBaseColor(Color.newBuilder().setR(r).setG(0.5f).setB(0f).setA(1f).build())
                .setMetallic(0.25f).setRoughness(0.75f).setBaseColorTexture(texture).build();
    }

    @Test
    void shouldDrawPrimitiveWithDefaultMaterialAtIdentity() {
        List<ModelPart> parts = source.parts(primitive(PrimitiveShape.SPHERE), null);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).mesh()).isSameAs(PrimitiveMeshes.of(PrimitiveShape.SPHERE));
        assertThat(parts.get(0).material()).isEqualTo(MaterialData.DEFAULT);
        assertThat(new Matrix4f(parts.get(0).local())).isEqualTo(new Matrix4f());
    }

    @Test
    void shouldGivePrimitiveTheEntitysMaterial() {
        MaterialData material = source.parts(primitive(PrimitiveShape.CUBE), material(1f, null)).get(0).material();

        assertThat(new Vector4f(material.baseColor())).isEqualTo(new Vector4f(1f, 0.5f, 0f, 1f));
        assertThat(material.metallic()).isEqualTo(0.25f);
        assertThat(material.roughness()).isEqualTo(0.75f);
        assertThat(material.baseColorTexture()).isEmpty();
    }

    @Test
    void shouldFetchAndDecodeAssetOnce() {
        // given
        String sha = assets.put(TestGltfs.texturedQuadGlb());

        // when
        List<ModelPart> first = source.parts(asset(sha), null);
        List<ModelPart> second = source.parts(asset(sha), null);

        // then
        assertThat(first).hasSize(1).isSameAs(second);
        assertThat(first.get(0).mesh().key()).isEqualTo("gltf:" + sha + ":0:0");
        assertThat(first.get(0).material().metallic()).isEqualTo(0.1f);
        assertThat(assets.reads(sha)).isEqualTo(1);
    }

    @Test
    void shouldReplaceModelMaterialsWithEntitysMaterialAndFetchItsTextureOnce() {
        // given
        String model = assets.put(TestGltfs.texturedQuadGlb());
        String image = assets.put(TestGltfs.png());
        Material material = material(0.2f, AssetRef.newBuilder().setSha256(image).build());

        // when
        List<ModelPart> parts = source.parts(asset(model), material);
        source.parts(asset(model), material);

        // then
        MaterialData replaced = parts.get(0).material();
        assertThat(new Vector4f(replaced.baseColor())).isEqualTo(new Vector4f(0.2f, 0.5f, 0f, 1f));
        TextureData texture = replaced.baseColorTexture().orElseThrow();
        assertThat(texture.key()).isEqualTo(image);
        assertThat(texture.width()).isEqualTo(2);
        assertThat(parts.get(0).mesh().key()).isEqualTo("gltf:" + model + ":0:0");
        assertThat(assets.reads(model)).isEqualTo(1);
        assertThat(assets.reads(image)).isEqualTo(1);
    }

    @Test
    void shouldRememberFailureAndRetryAfterRetention() {
        // given a model that is missing from the store
        String missing = MapAssetSource.sha256("not stored".getBytes(StandardCharsets.UTF_8));

        // when asked three times within the retention
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> source.parts(asset(missing), null))
                    .isInstanceOf(ModelUnavailableException.class)
                    .hasMessageContaining("glTF asset " + missing + " is unavailable");
        }

        // then it was read once, and once more after the retention
        assertThat(assets.reads(missing)).isEqualTo(1);
        now.set(now.get().plus(ModelSourceSettings.DEFAULT_FAILURE_RETENTION));
        assertThatThrownBy(() -> source.parts(asset(missing), null)).isInstanceOf(ModelUnavailableException.class);
        assertThat(assets.reads(missing)).isEqualTo(2);
    }

    @Test
    void shouldRememberInvalidModelWithItsReason() {
        // given
        String broken = assets.put("{\"asset\": {\"version\": \"1.0\"}}".getBytes(StandardCharsets.UTF_8));

        // when
        assertThatThrownBy(() -> source.parts(asset(broken), null)).hasMessageContaining("only glTF 2.x");

        // then the second answer comes from memory, with the same reason
        assertThatThrownBy(() -> source.parts(asset(broken), null))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("only glTF 2.x")
                .hasMessageContaining("remembered");
        assertThat(assets.reads(broken)).isEqualTo(1);
    }

    @Test
    void shouldRefuseMaterialTextureThatIsNoImage() {
        String notImage = assets.put("plain text".getBytes(StandardCharsets.UTF_8));
        Material material = material(1f, AssetRef.newBuilder().setSha256(notImage).build());

        assertThatThrownBy(() -> source.parts(primitive(PrimitiveShape.CUBE), material))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("image asset " + notImage + ": the image is neither PNG nor JPEG (the formats glTF 2.0"
                        + " allows)");
    }

    @Test
    void shouldRefuseMeshComponentWithBothOrNeither() {
        MeshRef both = MeshRef.newBuilder().setPrimitive(PrimitiveShape.CUBE)
                .setAsset(AssetRef.newBuilder().setSha256("d".repeat(64)).build()).build();

        assertThatThrownBy(() -> source.parts(both, null)).hasMessageContaining("exactly one of asset and primitive,"
                + " got both");
        assertThatThrownBy(() -> source.parts(MeshRef.newBuilder().build(), null))
                .hasMessageContaining("got neither");
    }

    @Test
    void shouldRefuseMalformedShaWithoutReading() {
        assertThatThrownBy(() -> source.parts(asset("../etc/passwd"), null))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("names no sha-256");
    }

    @Test
    void shouldRefuseMaterialOutsideUnitRange() {
        assertThatThrownBy(() -> source.parts(primitive(PrimitiveShape.CUBE), material(2f, null)))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("baseColor channels must be between 0 and 1");
    }

    @Test
    void shouldEvictLeastRecentlyUsedModelBeyondCacheBytes() {
        // given a cache that holds one decoded quad only
        source = new AssetModelSource(assets, new ModelSourceSettings(GltfLimits.defaults(), 1, Duration.ZERO),
                clock);
        String first = assets.put(TestGltfs.texturedQuadGlb());
        String second = assets.put(TestGltfs.texturedQuadGlbWithColor(0.9));

        // when
        source.parts(asset(first), null);
        source.parts(asset(first), null);
        source.parts(asset(second), null);
        source.parts(asset(first), null);

        // then
        assertThat(assets.reads(first)).isEqualTo(2);
        assertThat(assets.reads(second)).isEqualTo(1);
    }
}
