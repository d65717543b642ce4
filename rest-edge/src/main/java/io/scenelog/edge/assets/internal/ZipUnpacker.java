package io.scenelog.edge.assets.internal;

import io.scenelog.edge.assets.AssetLimits;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip package by streaming it, trusting nothing it declares: inflated bytes are counted as they come and
 * the unpacking stops the moment the total passes the limit, so a zip bomb costs at most the limit. Entry names are
 * checked and normalised but used only as keys; the bytes go to work files named {@code entry-<n>}.
 */
public final class ZipUnpacker {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_NAME = 200;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private ZipUnpacker() {
    }

    /** Unpacks every file of the zip into workDir and finds its one .gltf. */
    public static PackageFiles unpack(Path zip, Path workDir, AssetLimits limits) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> gltfs = new ArrayList<>();
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[BUFFER];
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), BUFFER))) {
            for (ZipEntry entry = next(in); entry != null; entry = next(in)) {
                entries++;
                if (entries > limits.maxEntries()) {
                    throw Rule.TOO_MANY_ENTRIES.with("The zip holds more than the limit of " + limits.maxEntries()
                            + " entries.", "limit", limits.maxEntries());
                }
                String name = normalise(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.containsKey(name)) {
                    throw Rule.DUPLICATE_ENTRY.with("The zip holds '" + name + "' twice; each file may appear once.",
                            "entry", name);
                }
                Path target = workDir.resolve("entry-" + entries);
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
                        inflated += n;
                        if (inflated > limits.maxUnpackedBytes()) {
                            throw Rule.UNPACKED_TOO_LARGE.with("The zip unpacks to more than the limit of "
                                    + Sizes.human(limits.maxUnpackedBytes()) + " (passed while reading '" + name
                                    + "').", "entry", name, "limit", limits.maxUnpackedBytes());
                        }
                        out.write(buffer, 0, n);
                    }
                }
                files.put(name, target);
                if (name.toLowerCase(Locale.ROOT).endsWith(".gltf")) {
                    gltfs.add(name);
                }
            }
        }
        if (gltfs.isEmpty()) {
            throw Rule.PACKAGE_GLTF_MISSING.with("The zip holds no .gltf file; a package needs exactly one.");
        }
        if (gltfs.size() > 1) {
            StringJoiner names = new StringJoiner("', '", "'", "'");
            gltfs.stream().limit(5).forEach(names::add);
            throw Rule.PACKAGE_GLTF_AMBIGUOUS.with("The zip holds " + gltfs.size() + " .gltf files (" + names
                    + "); a package needs exactly one.", "entry", gltfs.get(1));
        }
        return new PackageFiles(files, gltfs.get(0));
    }

    /**
     * The entry name with "." and empty segments removed; a name that could mean a place outside the package on
     * any system (parent segments, absolute, backslashes, drive letters, control characters) is refused.
     */
    static String normalise(String raw) {
        String shown = UriPolicy.shown(raw);
        if (raw.isEmpty() || raw.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw unsafe(raw, "The zip entry name " + shown + " is empty or contains control characters.");
        }
        if (raw.indexOf('\\') >= 0) {
            throw unsafe(raw, "The zip entry name " + shown + " contains a backslash; zip paths use '/'.");
        }
        if (raw.startsWith("/") || DRIVE.matcher(raw).matches()) {
            throw unsafe(raw, "The zip entry name " + shown + " is an absolute path; entries must be relative.");
        }
        StringJoiner clean = new StringJoiner("/");
        for (String segment : raw.split("/")) {
            if (segment.equals("..")) {
                throw unsafe(raw, "The zip entry name " + shown + " contains '..'; entries must not climb out of"
                        + " their folder.");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                clean.add(segment);
            }
        }
        if (clean.length() == 0 && !raw.endsWith("/")) {
            throw unsafe(raw, "The zip entry name " + shown + " names no file.");
        }
        return clean.toString();
    }

    private static ZipEntry next(ZipInputStream in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            throw malformed(e);
        }
    }

    private static int read(ZipInputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (ZipException | EOFException e) {
            throw malformed(e);
        }
    }

    private static RuntimeException malformed(Exception e) {
        return Rule.ZIP_MALFORMED.with("The zip cannot be read (" + e.getMessage() + "); it may be truncated,"
                + " encrypted or not a zip.");
    }

    private static RuntimeException unsafe(String raw, String message) {
        String entry = raw.length() > MAX_NAME ? raw.substring(0, MAX_NAME) : raw;
        return Rule.UNSAFE_ENTRY_NAME.with(message, "entry", entry);
    }
}
