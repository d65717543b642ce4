package io.scenelog.renderer.scene;

import static io.scenelog.renderer.scene.Samples.at;
import static io.scenelog.renderer.scene.Samples.cube;
import static io.scenelog.renderer.scene.Samples.entity;
import static io.scenelog.renderer.scene.Samples.scene;
import static org.assertj.core.api.Assertions.assertThat;

import io.scenelog.model.AssetRef;
import io.scenelog.model.Camera;
import io.scenelog.model.Color;
import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.Light;
import io.scenelog.model.LightType;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.model.Quat;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.LightData;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.ModelPart;
import io.scenelog.renderer.draw.ModelSource;
import io.scenelog.renderer.draw.ModelUnavailableException;
import io.scenelog.renderer.models.PrimitiveMeshes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Vector3f;
import org.junit.jupiter.api.Test;

class DrawSceneBuilderTest {

    private static final String MISSING_SHA = "a".repeat(64);

    /** Primitives from the real generator; an asset whose hash is {@link #MISSING_SHA} is unavailable. */
    private final ModelSource models = new ModelSource() {
        @Override
        public List<ModelPart> parts(MeshRef mesh, Material material) {
            if (mesh.getAsset() != null) {
                throw new ModelUnavailableException("no blob " + mesh.getAsset().getSha256());
            }
            return List.of(new ModelPart(PrimitiveMeshes.of(mesh.getPrimitive()), MaterialData.DEFAULT,
                    new Matrix4f()));
        }
    };
    private final DrawSceneBuilder builder = new DrawSceneBuilder(models);
    private final UUID sceneId = UUID.randomUUID();
    private final Map<UUID, EntityState> entities = new LinkedHashMap<>();

    private UUID add(Components components) {
        UUID id = UUID.randomUUID();
        entities.put(id, entity(sceneId, null, id, 1, 1, components));
        return id;
    }

    private DrawScene build(Map<String, String> settings) {
        return builder.build(new ReplicaSnapshot(sceneId, ReplicaStatus.FOLLOWING, 3,
                Optional.of(scene(sceneId, 3, settings)), Optional.empty(), entities));
    }

    private static DrawItem itemOf(DrawScene scene, UUID id) {
        return scene.items().stream().filter(i -> i.entityId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldPlaceAChildAfterItsParentsTransform() {
        // given
        UUID parent = add(cube(at(1, 0, 0)));
        Components child = cube(at(0, 2, 0));
        child.setParent(parent);
        UUID childId = add(child);

        // when
        DrawScene scene = build(Map.of());

        // then
        Vector3f position = itemOf(scene, childId).world().getTranslation(new Vector3f());
        assertThat(position).isEqualTo(new Vector3f(1, 2, 0));
        assertThat(scene.version()).isEqualTo(3);
    }

    @Test
    void shouldDrawAnEntityInAParentCycleAsARoot() {
        // given two entities that name each other as parent
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Components first = cube(at(1, 0, 0));
        first.setParent(b);
        Components second = cube(at(0, 1, 0));
        second.setParent(a);
        entities.put(a, entity(sceneId, null, a, 1, 1, first));
        entities.put(b, entity(sceneId, null, b, 1, 1, second));

        // when
        DrawScene scene = build(Map.of());

        // then both are drawn, one of them as a root
        assertThat(scene.items()).hasSize(2);
    }

    @Test
    void shouldHideAnInvisibleEntityAndItsChildren() {
        // given
        Components hiddenParent = cube(at(0, 0, 0));
        hiddenParent.setVisible(false);
        UUID parent = add(hiddenParent);
        Components child = cube(at(0, 1, 0));
        child.setParent(parent);
        add(child);
        UUID shown = add(cube(at(5, 0, 0)));

        // when
        DrawScene scene = build(Map.of());

        // then
        assertThat(scene.items()).extracting(DrawItem::entityId).containsExactly(shown);
    }

    @Test
    void shouldDrawAnUnavailableModelAsAGreyCube() {
        // given
        UUID id = add(Components.newBuilder().setTransform(at(0, 0, 0))
                .setMesh(new MeshRef(new AssetRef(MISSING_SHA, null), null)).build());

        // when
        DrawScene scene = build(Map.of());

        // then
        DrawItem item = itemOf(scene, id);
        assertThat(item.mesh().key()).isEqualTo(PrimitiveMeshes.of(io.scenelog.model.PrimitiveShape.CUBE).key());
        assertThat(item.material()).isEqualTo(DrawSceneBuilder.PLACEHOLDER_MATERIAL);
    }

    @Test
    void shouldShineADirectionalLightAlongTheEntitysMinusZ() {
        // given a light turned 90 degrees about +y: -z becomes -x
        double half = Math.sqrt(0.5);
        add(Components.newBuilder()
                .setTransform(new Transform(new Vec3(0.0, 3.0, 0.0), new Quat(0.0, half, 0.0, half),
                        new Vec3(1.0, 1.0, 1.0)))
                .setLight(new Light(LightType.DIRECTIONAL, new Color(1f, 0.5f, 0.25f, 1f), 3f, null, 0f, 45f))
                .build());

        // when
        DrawScene scene = build(Map.of());

        // then
        LightData light = scene.lights().get(0);
        assertThat(light.kind()).isEqualTo(LightData.Kind.DIRECTIONAL);
        assertThat(light.direction().distance(new Vector3f(-1, 0, 0))).isLessThan(1e-5f);
        assertThat(light.position().distance(new Vector3f(0, 3, 0))).isLessThan(1e-5f);
        assertThat(light.intensity()).isEqualTo(3f);
    }

    @Test
    void shouldNotDrawCameras() {
        // given a client's camera entity that also has a mesh
        Components camera = cube(at(0, 0, 0));
        camera.setCamera(new Camera(60f, 0.1f, 100f, "alice"));
        add(camera);

        // when
        DrawScene scene = build(Map.of());

        // then
        assertThat(scene.items()).isEmpty();
    }

    @Test
    void shouldTakeTheSkyFromTheScenesSettingsInLinearColour() {
        // when
        DrawScene white = build(Map.of(DrawSceneBuilder.SKY_COLOR_SETTING, "#ffffff"));
        DrawScene grey = build(Map.of(DrawSceneBuilder.SKY_COLOR_SETTING, "#808080"));
        DrawScene invalid = build(Map.of(DrawSceneBuilder.SKY_COLOR_SETTING, "sky blue"));

        // then
        assertThat(white.skyColor().distance(new Vector3f(1, 1, 1))).isLessThan(1e-6f);
        assertThat(grey.skyColor().x()).isBetween(0.21f, 0.22f);
        assertThat(invalid.skyColor()).isEqualTo(DrawScene.DEFAULT_SKY);
    }

    @Test
    void shouldUseTheModelsOwnPartTransformUnderTheEntity() {
        // given a model whose part sits 1 m up inside the entity
        List<MeshRef> asked = new ArrayList<>();
        DrawSceneBuilder lifted = new DrawSceneBuilder((mesh, material) -> {
            asked.add(mesh);
            return List.of(new ModelPart(PrimitiveMeshes.of(mesh.getPrimitive()), MaterialData.DEFAULT,
                    new Matrix4f().translation(0, 1, 0)));
        });
        UUID id = add(cube(at(2, 0, 0)));

        // when
        DrawScene scene = lifted.build(new ReplicaSnapshot(sceneId, ReplicaStatus.FOLLOWING, 1, Optional.empty(),
                Optional.empty(), entities));

        // then
        assertThat(itemOf(scene, id).world().getTranslation(new Vector3f())).isEqualTo(new Vector3f(2, 1, 0));
        assertThat(asked).hasSize(1);
        assertThat(scene.skyColor()).isEqualTo(DrawScene.DEFAULT_SKY);
    }
}
