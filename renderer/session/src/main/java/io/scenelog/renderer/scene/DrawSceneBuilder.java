package io.scenelog.renderer.scene;

import io.scenelog.model.Components;
import io.scenelog.model.EntityState;
import io.scenelog.model.Light;
import io.scenelog.model.MeshRef;
import io.scenelog.model.PrimitiveShape;
import io.scenelog.renderer.draw.DrawItem;
import io.scenelog.renderer.draw.DrawScene;
import io.scenelog.renderer.draw.LightData;
import io.scenelog.renderer.draw.MaterialData;
import io.scenelog.renderer.draw.ModelPart;
import io.scenelog.renderer.draw.ModelSource;
import io.scenelog.renderer.draw.ModelUnavailableException;
import io.scenelog.renderer.models.PrimitiveMeshes;
import io.scenelog.renderer.scene.internal.OnceLog;
import io.scenelog.renderer.scene.internal.SkyColors;
import io.scenelog.renderer.scene.internal.WorldTransforms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.joml.Matrix4f;
import org.joml.Matrix4fc;
import org.joml.Quaternionf;
import org.joml.Vector3f;
import org.joml.Vector3fc;
import org.joml.Vector4f;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a replica snapshot into what one frame draws: each visible entity's model at its world transform (parents
 * applied), its lights, the scene's sky colour and the ground grid. Cameras (clients' presence entities included)
 * are viewpoints, not drawn. An entity whose model cannot be had is drawn as a grey cube, never failing the frame.
 * Used by the render loop's thread only (the model source caches).
 */
public final class DrawSceneBuilder {

    /** The scene setting that names the sky colour, {@code #RRGGBB} in sRGB. */
    public static final String SKY_COLOR_SETTING = "skyColor";
    /** The scene setting that turns the ground grid off when {@code "false"}. */
    public static final String GROUND_GRID_SETTING = "groundGrid";
    /** What an entity whose model is unavailable looks like: mid grey, matte. */
    public static final MaterialData PLACEHOLDER_MATERIAL =
            new MaterialData(new Vector4f(0.5f, 0.5f, 0.5f, 1f), 0f, 1f, Optional.empty());

    private static final Logger LOG = LoggerFactory.getLogger(DrawSceneBuilder.class);
    private static final Vector3fc FORWARD = new Vector3f(0f, 0f, -1f);

    private final ModelSource models;
    private final OnceLog problems = new OnceLog();

    public DrawSceneBuilder(ModelSource models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /** What the snapshot draws. */
    public DrawScene build(ReplicaSnapshot snapshot) {
        Map<UUID, EntityState> entities = snapshot.entities();
        WorldTransforms graph = new WorldTransforms(entities, problems);
        List<DrawItem> items = new ArrayList<>();
        List<LightData> lights = new ArrayList<>();
        for (EntityState entity : entities.values()) {
            UUID id = entity.getEntityId();
            Components components = entity.getComponents();
            if (components.getCamera() != null || graph.hidden(id)) {
                continue;
            }
            Matrix4fc world = graph.world(id);
            if (components.getMesh() != null) {
                for (ModelPart part : parts(id, components)) {
                    items.add(new DrawItem(id, part.mesh(), part.material(), new Matrix4f(world).mul(part.local())));
                }
            }
            if (components.getLight() != null) {
                lights.add(light(components.getLight(), world));
            }
        }
        return new DrawScene(items, lights, sky(snapshot), groundGrid(snapshot), snapshot.version());
    }

    private List<ModelPart> parts(UUID entityId, Components components) {
        MeshRef mesh = components.getMesh();
        try {
            return models.parts(mesh, components.getMaterial());
        } catch (ModelUnavailableException e) {
            String asset = mesh.getAsset() != null ? mesh.getAsset().getSha256() : String.valueOf(mesh.getPrimitive());
            problems.once("model:" + entityId + ":" + asset, key -> LOG.warn(
                    "Entity {} is drawn as a placeholder: its model {} is unavailable: {}", entityId, asset,
                    e.getMessage()));
            return List.of(new ModelPart(PrimitiveMeshes.of(PrimitiveShape.CUBE), PLACEHOLDER_MATERIAL,
                    new Matrix4f()));
        }
    }

    /** A light at the entity's world position, shining along its world -z. */
    private static LightData light(Light light, Matrix4fc world) {
        Vector3f position = world.getTranslation(new Vector3f());
        Vector3f direction = world.getNormalizedRotation(new Quaternionf()).transform(new Vector3f(FORWARD));
        LightData.Kind kind = switch (light.getType()) {
            case DIRECTIONAL -> LightData.Kind.DIRECTIONAL;
            case SPOT -> LightData.Kind.SPOT;
            case POINT -> LightData.Kind.POINT;
        };
        Vector3f color = new Vector3f(light.getColor().getR(), light.getColor().getG(), light.getColor().getB());
        float range = light.getRange() == null ? 0f : light.getRange();
        return new LightData(kind, color, light.getIntensity(), position, direction, range);
    }

    private Vector3fc sky(ReplicaSnapshot snapshot) {
        String setting = snapshot.settings().get(SKY_COLOR_SETTING);
        if (setting == null) {
            return DrawScene.DEFAULT_SKY;
        }
        Optional<Vector3f> parsed = SkyColors.parse(setting);
        if (parsed.isEmpty()) {
            problems.once("sky:" + snapshot.sceneId() + ":" + setting, key -> LOG.warn(
                    "Scene {} has skyColor '{}', which is not a #RRGGBB colour; the default sky is drawn.",
                    snapshot.sceneId(), setting));
            return DrawScene.DEFAULT_SKY;
        }
        return parsed.get();
    }

    private static boolean groundGrid(ReplicaSnapshot snapshot) {
        return !"false".equalsIgnoreCase(snapshot.settings().getOrDefault(GROUND_GRID_SETTING, "true").trim());
    }
}
