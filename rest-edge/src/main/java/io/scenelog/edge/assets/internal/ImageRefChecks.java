package io.scenelog.edge.assets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenelog.edge.assets.IngestedAsset;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Each image comes from exactly one place (a uri under the URI rules, or a bufferView with a declared PNG or JPEG
 * type) and its bytes pass the same header checks as an image uploaded on its own.
 */
final class ImageRefChecks {

    private static final Set<String> MEDIA_TYPES = Set.of(IngestedAsset.PNG_MEDIA_TYPE,
            IngestedAsset.JPEG_MEDIA_TYPE);

    private ImageRefChecks() {
    }

    static void check(GltfDocument doc, List<BufferChecks.View> views, Resources resources) throws IOException {
        for (int i = 0; i < doc.images().size(); i++) {
            JsonNode image = doc.images().get(i);
            String at = GltfDocument.at("images", i);
            Optional<String> uri = Json.text(image, "uri", at);
            OptionalInt view = Json.reference(image, "bufferView", at, views.size(), "bufferView");
            Optional<String> mimeType = Json.text(image, "mimeType", at);
            if (uri.isPresent() == view.isPresent()) {
                throw uri.isPresent()
                        ? Rule.PROPERTY_INVALID.at(at, "Image " + i + " has both a uri and a bufferView; give one"
                                + " (at " + at + ").")
                        : Rule.PROPERTY_MISSING.at(at + "/uri", "Image " + i + " has neither a uri nor a bufferView"
                                + " (at " + at + ").");
            }
            if (view.isPresent() && !mimeType.filter(MEDIA_TYPES::contains).isPresent()) {
                throw Rule.IMAGE_MIME_TYPE.at(at, "Image " + i + " is stored in a bufferView, so it needs a mimeType"
                        + " of image/png or image/jpeg (at " + at + ").");
            }
            BinarySource source = view.isPresent() ? views.get(view.getAsInt()).source()
                    : resources.image(uri.get(), at + "/uri");
            String actual = ImageChecks.check(source, "Image " + i, at);
            if (mimeType.isPresent() && !mimeType.get().equals(actual)) {
                throw Rule.IMAGE_MIME_TYPE.at(at, "Image " + i + " declares mimeType " + UriPolicy.shown(mimeType.get())
                        + " but its bytes are " + actual + " (at " + at + ").");
            }
        }
    }
}
