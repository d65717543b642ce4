package io.scenelog.app.simulate;

import io.scenelog.model.Quat;
import io.scenelog.model.Transform;
import io.scenelog.model.Vec3;

/**
 * Where a simulated body is at a given time: entity {@code i} of {@code n} circles the origin at a quarter turn per
 * second, facing along its path. A pure function of time, so a run is reproducible and a checker can recompute
 * what was sent (the Node example, examples/simulation-node, moves its bodies the same way).
 */
public final class Motion {

    private Motion() {
    }

    /** The transform of entity {@code index} of {@code count} at {@code seconds} into the run. */
    public static Transform at(int index, int count, double seconds) {
        double angle = 2 * Math.PI * (seconds * 0.25 + (double) index / count);
        double radius = 2 + (index % 3);
        return Transform.newBuilder()
                .setPosition(new Vec3(radius * Math.cos(angle), 0.5 + 0.25 * index, radius * Math.sin(angle)))
                .setRotation(new Quat(0.0, Math.sin(angle / 2), 0.0, Math.cos(angle / 2)))
                .setScale(new Vec3(1.0, 1.0, 1.0))
                .build();
    }
}
