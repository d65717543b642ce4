package io.scenelog.edge.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small helpers shared by the asset tests: upload bytes, catch the rejection, look into the store's directory. */
final class Uploads {

    static final ObjectMapper JSON = new ObjectMapper();

    private Uploads() {
    }

    static IngestedAsset ingest(AssetIngestor ingestor, byte[] upload) throws IOException {
        return ingestor.ingest(new ByteArrayInputStream(upload), "upload.bin");
    }

    static AssetRejectedException rejection(AssetIngestor ingestor, byte[] upload) {
        AssetRejectedException rejected = catchThrowableOfType(AssetRejectedException.class,
                () -> ingest(ingestor, upload));
        assertThat(rejected).as("the upload should have been rejected").isNotNull();
        return rejected;
    }

    /** Every regular file under the store's root: blobs and leftovers alike. */
    static List<Path> filesUnder(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertNothingStored(Path root) {
        assertThat(filesUnder(root)).as("files left under the store after a rejection").isEmpty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode at(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static ArrayNode array(JsonNode root, String pointer) {
        return (ArrayNode) root.at(pointer);
    }

    static JsonNode readJson(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }
}
