package io.scenelog.renderer.models.gltf.internal;

/** The glTF breaks a rule; the message says which and where, e.g. "mesh 0 primitive 1: accessor 3 reads past ...". */
public final class InvalidGltfException extends RuntimeException {

    InvalidGltfException(String message) {
        super(message);
    }

    InvalidGltfException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem at a place of the document. */
    static InvalidGltfException at(String where, String problem) {
        return new InvalidGltfException(where.isEmpty() ? problem : where + ": " + problem);
    }
}
