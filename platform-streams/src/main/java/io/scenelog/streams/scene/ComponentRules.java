package io.scenelog.streams.scene;

import io.scenelog.model.AssetRef;
import io.scenelog.model.Camera;
import io.scenelog.model.Color;
import io.scenelog.model.Components;
import io.scenelog.model.Light;
import io.scenelog.model.LightType;
import io.scenelog.model.Material;
import io.scenelog.model.MeshRef;
import io.scenelog.model.Quat;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Structural checks of component values, independent of any state: numbers finite and in range, a rotation that
 * can be normalised, exactly one mesh source. A problem is reported in words for the rejection message.
 */
public final class ComponentRules {

    /** Shorter quaternions cannot be normalised reliably: they are zero for practical purposes. */
    private static final double MIN_QUATERNION_LENGTH = 1e-6;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ComponentRules() {
    }

    /** Problems of a full set of components (a create): any component may be absent. */
    public static Optional<String> checkFull(Components components) {
        return checkValues(components);
    }

    /** Problems of a partial set (an update): at least one component, and never the parent (use Reparent). */
    public static Optional<String> checkPartial(Components components) {
        if (components.getParent() != null) {
            return Optional.of("an update cannot change the parent; use Reparent");
        }
        if (isEmpty(components)) {
            return Optional.of("an update must set at least one component");
        }
        return checkValues(components);
    }

    private static boolean isEmpty(Components c) {
        return c.getName() == null && c.getTransform() == null && c.getMesh() == null && c.getMaterial() == null
                && c.getCamera() == null && c.getLight() == null && c.getTags() == null && c.getVisible() == null;
    }

    private static Optional<String> checkValues(Components c) {
        return firstOf(
                c.getTransform() == null ? Optional.empty() : transform(c.getTransform()),
                c.getMesh() == null ? Optional.empty() : mesh(c.getMesh()),
                c.getMaterial() == null ? Optional.empty() : material(c.getMaterial()),
                c.getCamera() == null ? Optional.empty() : camera(c.getCamera()),
                c.getLight() == null ? Optional.empty() : light(c.getLight()));
    }

    private static Optional<String> transform(Transform t) {
        if (!finite(t.getPosition()) || !finite(t.getScale())) {
            return Optional.of("transform position and scale must be finite numbers");
        }
        Quat q = t.getRotation();
        double[] parts = {q.getX(), q.getY(), q.getZ(), q.getW()};
        double squares = 0;
        for (double part : parts) {
            if (!Double.isFinite(part)) {
                return Optional.of("transform rotation must be finite numbers");
            }
            squares += part * part;
        }
        if (Math.sqrt(squares) < MIN_QUATERNION_LENGTH) {
            return Optional.of("transform rotation is a zero-length quaternion; the identity is (0, 0, 0, 1)");
        }
        return Optional.empty();
    }

    private static Optional<String> mesh(MeshRef mesh) {
        if ((mesh.getAsset() == null) == (mesh.getPrimitive() == null)) {
            return Optional.of("a mesh needs exactly one of asset and primitive");
        }
        return mesh.getAsset() == null ? Optional.empty() : asset(mesh.getAsset());
    }

    private static Optional<String> asset(AssetRef asset) {
        return SHA256.matcher(asset.getSha256()).matches() ? Optional.empty()
                : Optional.of("an asset reference needs a sha256 of 64 lower-case hex digits");
    }

    private static Optional<String> material(Material m) {
        if (!unit(m.getBaseColor()) || !unit(m.getMetallic()) || !unit(m.getRoughness())) {
            return Optional.of("material colour, metallic and roughness must be between 0 and 1");
        }
        return m.getBaseColorTexture() == null ? Optional.empty() : asset(m.getBaseColorTexture());
    }

    private static Optional<String> camera(Camera c) {
        boolean valid = c.getFovDegrees() > 0 && c.getFovDegrees() < 180 && c.getNear() > 0
                && Float.isFinite(c.getFar()) && c.getFar() > c.getNear();
        return valid ? Optional.empty()
                : Optional.of("a camera needs 0 < fovDegrees < 180 and 0 < near < far (finite)");
    }

    private static Optional<String> light(Light l) {
        if (!unit(l.getColor()) || !Float.isFinite(l.getIntensity()) || l.getIntensity() < 0) {
            return Optional.of("a light needs a colour between 0 and 1 and a finite intensity of at least 0");
        }
        if (l.getRange() != null && !(l.getRange() > 0 && Float.isFinite(l.getRange()))) {
            return Optional.of("a light range must be a finite number greater than 0");
        }
        if (l.getType() == LightType.SPOT && !(l.getInnerConeDegrees() >= 0
                && l.getInnerConeDegrees() < l.getOuterConeDegrees() && l.getOuterConeDegrees() <= 90)) {
            return Optional.of("a spot light needs 0 <= innerConeDegrees < outerConeDegrees <= 90");
        }
        return Optional.empty();
    }

    private static boolean finite(Vec3 v) {
        return Double.isFinite(v.getX()) && Double.isFinite(v.getY()) && Double.isFinite(v.getZ());
    }

    private static boolean unit(Color c) {
        return unit(c.getR()) && unit(c.getG()) && unit(c.getB()) && unit(c.getA());
    }

    private static boolean unit(float value) {
        // NaN fails both comparisons, so it is out of range too.
        return value >= 0 && value <= 1;
    }

    @SafeVarargs
    private static Optional<String> firstOf(Optional<String>... problems) {
        for (Optional<String> problem : problems) {
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}
