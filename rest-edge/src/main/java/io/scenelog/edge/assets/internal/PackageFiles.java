package io.scenelog.edge.assets.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The files of an unpacked zip package: normalised entry names mapped to work files with server-generated names,
 * and which entry is the glTF. Entry names are only ever map keys, never paths on disk.
 *
 * @param files normalised entry name to the work file holding its bytes
 * @param gltfName the entry name of the one .gltf file
 */
public record PackageFiles(Map<String, Path> files, String gltfName) {

    public PackageFiles {
        files = Map.copyOf(files);
    }

    /** The work file of the glTF. */
    public Path gltf() {
        return files.get(gltfName);
    }

    /** The folder of the glTF inside the package, "" or ending in '/': relative URIs start from there. */
    public String baseDir() {
        return gltfName.substring(0, gltfName.lastIndexOf('/') + 1);
    }

    /** The work file a relative URI of the glTF names, checked to stay inside the package. */
    public Path locate(String uri, String pointer) {
        String name = UriPolicy.resolve(baseDir(), uri, pointer);
        return Optional.ofNullable(files.get(name)).orElseThrow(() -> Rule.URI_NOT_FOUND.at(pointer, "The URI "
                + UriPolicy.shown(uri) + " at " + pointer + " names the file '" + name + "', which the package does"
                + " not contain."));
    }
}
