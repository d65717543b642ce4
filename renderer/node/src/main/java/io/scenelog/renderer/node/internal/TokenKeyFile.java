package io.scenelog.renderer.node.internal;

import io.scenelog.streams.auth.TokenKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The token key in a file only the node's user can read: how renderers get it without a command-line argument. */
public final class TokenKeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private TokenKeyFile() {
    }

    /** Writes the key into {@code directory/token.key}, readable by the owner only, and returns the file. */
    public static Path write(Path directory, TokenKey key) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("token.key");
            Files.deleteIfExists(file);
            // created with owner-only permissions, so the key is never readable by others, not even for a moment
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(file, key.toBase64(), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token key file in " + directory, e);
        }
    }
}
