package io.scenelog.nodecache;

import java.util.List;
import java.util.UUID;

/**
 * What a warm-up of a scene did.
 *
 * @param sceneId the scene
 * @param blobs blobs the scene may use (its assets and the shared ones, with their dependencies)
 * @param fetched how many of them were fetched now (the others were on disk already)
 * @param failures one line per blob that could not be fetched, saying why
 */
public record WarmUpResult(UUID sceneId, int blobs, int fetched, List<String> failures) {

    public WarmUpResult {
        failures = List.copyOf(failures);
    }
}
