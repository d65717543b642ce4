package io.scenelog.bridge.viewer.internal;

import io.scenelog.bridge.viewer.ViewerBundleMissingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The viewer page as built by {@code livelink-bridge/viewer/build.mjs} into the classpath folder
 * {@value #FOLDER}: exactly the files its {@code files.txt} lists, read once into memory. A name that is not listed
 * is never looked up on the classpath, so no request path can reach another resource.
 */
public final class StaticBundle {

    /** Where the build puts the page on the classpath. */
    public static final String FOLDER = "io/scenelog/bridge/viewer/static/";

    /** The pages; browsers revalidate them on every load, so a new build is picked up at once. */
    private static final Set<String> PAGES = Set.of("index.html", "view.html");
    private static final String REVALIDATE = "no-cache";
    /** Everything else carries a content hash in its name: a new build means a new name. */
    private static final String FOREVER = "public, max-age=31536000, immutable";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "map", "application/json; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final Map<String, BundleFile> files;

    private StaticBundle(Map<String, BundleFile> files) {
        this.files = Map.copyOf(files);
    }

    /**
     * Reads the bundle from the class loader.
     *
     * @throws ViewerBundleMissingException when the bundle or one of its files is missing
     */
    public static StaticBundle load(ClassLoader loader) {
        String list = new String(read(loader, "files.txt"), StandardCharsets.UTF_8);
        Map<String, BundleFile> files = new LinkedHashMap<>();
        for (String line : list.split("\n")) {
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new ViewerBundleMissingException("The viewer bundle's files.txt lists '" + name
                        + "', which is no plain file name: rebuild the page with livelink-bridge/viewer/build.mjs");
            }
            byte[] bytes = read(loader, name);
            files.put(name, new BundleFile(name, contentTypeOf(name),
                    PAGES.contains(name) ? REVALIDATE : FOREVER, etagOf(bytes), bytes));
        }
        for (String page : PAGES) {
            if (!files.containsKey(page)) {
                throw new ViewerBundleMissingException("The viewer bundle lacks " + page
                        + ": rebuild the page with livelink-bridge/viewer/build.mjs");
            }
        }
        return new StaticBundle(files);
    }

    /** The file with this name, if the bundle has it. */
    public Optional<BundleFile> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The names of the bundle's files. */
    public Set<String> names() {
        return files.keySet();
    }

    private static byte[] read(ClassLoader loader, String name) {
        String resource = FOLDER + name;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ViewerBundleMissingException("The viewer page is not on the classpath (no " + resource
                        + "): build livelink-bridge with Maven, which bundles livelink-bridge/viewer (run"
                        + " scripts/bootstrap.sh first for its npm packages)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " of the viewer bundle", e);
        }
    }

    private static String contentTypeOf(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = CONTENT_TYPES.get(extension);
        if (type == null) {
            throw new ViewerBundleMissingException("The viewer bundle has " + name + ", a kind of file the bridge"
                    + " does not serve (." + extension + "); known: " + CONTENT_TYPES.keySet());
        }
        return type;
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
