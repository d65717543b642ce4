package io.scenelog.edge.api;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ErrorCode;
import io.scenelog.edge.json.StrictJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reading the parts of a multipart upload. Jetty enforces the multipart size caps while it parses; its failures
 * (over a cap, a malformed body) become 413 and 400 here instead of a 500.
 */
final class MultipartParts {

    private MultipartParts() {
    }

    /** The one file part of that name. */
    static UploadedFile file(Context ctx, String name) {
        List<UploadedFile> files = parse(() -> ctx.uploadedFiles(name));
        if (files.isEmpty()) {
            throw ApiException.invalidField(name, "The upload needs a '" + name + "' file part");
        }
        if (files.size() > 1) {
            throw ApiException.invalidField(name, "Send one '" + name + "' part per upload");
        }
        return files.get(0);
    }

    /** An optional text part holding a UUID. */
    static Optional<UUID> uuid(Context ctx, String name) {
        String value = parse(() -> ctx.formParam(name));
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(StrictJson.uuid(value.strip(), name));
    }

    // Jetty reports parse failures as (undeclared, checked) ServletExceptions wrapping a BadMessageException
    // "bad multipart" whose cause says what was wrong: a size cap ("max file size exceeded") or a malformed body.
    @SuppressWarnings("java:S1181")
    private static <T> T parse(Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("exceed") || message.contains("too large") || message.contains("max ")) {
                    throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is over the size limit",
                            Map.of("rule", "upload-too-large"));
                }
            }
            throw ApiException.invalidField("body", "The multipart body could not be read: " + e.getMessage());
        }
    }
}
