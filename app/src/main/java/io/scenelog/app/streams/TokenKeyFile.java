package io.scenelog.app.streams;

import io.scenelog.streams.auth.InvalidTokenKeyException;
import io.scenelog.streams.auth.TokenKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's token key on disk: one line of base64, readable by its owner only (0600), in a directory only its
 * owner may enter (0700). {@code scenelog up} creates it on first start and reuses it after, so tokens minted
 * before a restart stay valid.
 */
public final class TokenKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private TokenKeyFile() {
    }

    /**
     * The key and whether this call created it.
     *
     * @param key     the key
     * @param created true on the first start, when a new key was generated and stored
     */
    public record Loaded(TokenKey key, boolean created) {
    }

    /**
     * Reads the key stored at {@code file}, or generates one and stores it there (0600) when there is none.
     *
     * @throws IllegalStateException naming the file when it cannot be read, written, or holds no key
     */
    public static Loaded loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return new Loaded(read(file), false);
        }
        TokenKey key = TokenKey.generate();
        try {
            write(file, key);
            return new Loaded(key, true);
        } catch (FileAlreadyExistsException e) {
            // Another process stored a key first: use that one, so both agree.
            return new Loaded(read(file), false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the token key at " + file + ": " + e.getMessage()
                    + "; check that the data directory is writable", e);
        }
    }

    /**
     * Reads the key stored at {@code file}.
     *
     * @throws IllegalStateException naming the file when it cannot be read or holds no key
     */
    public static TokenKey read(Path file) {
        try {
            warnIfReadableByOthers(file);
            return TokenKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the token key at " + file + ": " + e.getMessage(), e);
        } catch (InvalidTokenKeyException e) {
            throw new IllegalStateException("The token key file " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, TokenKey key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(Files.createDirectories(directory)).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        }
        // Written under a temporary name with its final permissions, then linked in place: no reader ever sees a
        // partial key or a key readable by others, and of two writers racing, the second fails and reads the first.
        Path temporary = posix
                ? Files.createTempFile(directory, ".token", ".tmp", PosixFilePermissions.asFileAttribute(
                        OWNER_READ_WRITE))
                : Files.createTempFile(directory, ".token", ".tmp");
        try {
            Files.writeString(temporary, key.toBase64() + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException e) {
                // No hard links here: a plain move, which also refuses to replace an existing key.
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (!posix) {
            LOG.warn("The file system of {} has no POSIX permissions: restrict access to the token key yourself.",
                    file);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_READ_WRITE.containsAll(permissions)) {
                LOG.warn("The token key {} is accessible to others ({}): anyone who reads it can mint any token; "
                        + "run chmod 600 on it.", file, PosixFilePermissions.toString(permissions));
            }
        }
    }
}
