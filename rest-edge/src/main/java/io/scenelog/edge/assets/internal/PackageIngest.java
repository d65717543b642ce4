package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenelog.edge.assets.AssetLimits;
import io.scenelog.edge.assets.BlobStore;
import io.scenelog.edge.assets.IngestedAsset;
import io.scenelog.edge.assets.StoredBlob;
import io.scenelog.model.AssetKind;
import io.scenelog.model.AssetSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ingests a zip package: unpack into a private work directory, validate the one glTF against the package's files,
 * and only then store each referenced file as a blob and the glTF, rewritten so that its relative URIs read
 * {@code blobs/<sha256>}, as the main blob. A rejection leaves nothing in the store.
 */
public final class PackageIngest {

    private static final String BLOB_PREFIX = "blobs/";

    private final BlobStore store;
    private final AssetLimits limits;
    private final GltfJson json;

    public PackageIngest(BlobStore store, AssetLimits limits, GltfJson json) {
        this.store = store;
        this.limits = limits;
        this.json = json;
    }

    /** Ingests the zip at file, which starts with a local file header. */
    public IngestedAsset ingest(Path zip) throws IOException {
        Path work = store.newTempDirectory();
        try {
            PackageFiles files = ZipUnpacker.unpack(zip, work, limits);
            JsonNode root;
            try (InputStream in = Files.newInputStream(files.gltf())) {
                root = json.parse(in);
            }
            AssetSummary summary = GltfValidator.validate(root, new PackageResources(files,
                    limits.maxUnpackedBytes()));
            Set<String> dependencies = new LinkedHashSet<>();
            Map<Path, String> stored = new HashMap<>();
            storeReferenced(root, "buffers", files, stored, dependencies);
            storeReferenced(root, "images", files, stored, dependencies);
            StoredBlob main = storeBytes(json.write(root));
            return new IngestedAsset(AssetKind.GLTF_PACKAGE, IngestedAsset.GLTF_MEDIA_TYPE, main.sha256(),
                    main.sizeBytes(), List.copyOf(dependencies), Optional.of(summary));
        } finally {
            deleteRecursively(work);
        }
    }

    private void storeReferenced(JsonNode root, String array, PackageFiles files, Map<Path, String> stored,
            Set<String> dependencies) throws IOException {
        JsonNode items = root.path(array);
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = (ObjectNode) items.get(i);
            JsonNode uri = item.get("uri");
            if (uri == null || DataUris.isData(uri.textValue())) {
                continue;
            }
            Path file = files.locate(uri.textValue(), GltfDocument.at(array, i) + "/uri");
            String sha256 = stored.get(file);
            if (sha256 == null) {
                sha256 = store.put(file).sha256();
                stored.put(file, sha256);
            }
            item.put("uri", BLOB_PREFIX + sha256);
            dependencies.add(sha256);
        }
    }

    private StoredBlob storeBytes(byte[] bytes) throws IOException {
        Path file = store.newTempFile();
        try {
            Files.write(file, bytes);
            return store.put(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
