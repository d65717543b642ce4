package io.scenelog.edge.assets.internal;

import io.scenelog.edge.assets.AssetRejectedException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Which non-{@code data:} URIs a glTF may use: relative paths that stay inside their package. The URI is checked as
 * written, then percent-decoded and checked again, then normalised against the glTF's folder: {@code %2e%2e/x} or
 * {@code a%2f..%2f..%2fx} leave the package exactly as {@code ../x} does, and are refused the same way.
 */
final class UriPolicy {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:.*", Pattern.DOTALL);
    private static final int MAX_SHOWN = 80;

    private UriPolicy() {
    }

    /**
     * The path inside the package that a relative URI names.
     *
     * @param baseDir the folder of the glTF inside the package: "" or a path ending in '/'
     * @param uri the URI as written in the glTF (not a data: URI)
     * @param pointer where the URI is, for messages
     */
    static String resolve(String baseDir, String uri, String pointer) {
        String shown = shown(uri);
        if (uri.isEmpty()) {
            throw unsafe(pointer, "The URI at " + pointer + " is empty.");
        }
        checkDecoded(uri, shown, pointer);
        if (uri.indexOf('?') >= 0 || uri.indexOf('#') >= 0) {
            throw unsafe(pointer, "The URI " + shown + " at " + pointer + " has a query or fragment ('?' or '#');"
                    + " give a plain relative path.");
        }
        String decoded = percentDecode(uri, shown, pointer);
        checkDecoded(decoded, shown, pointer);
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : (baseDir + decoded).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    throw unsafe(pointer, "The URI " + shown + " at " + pointer + " leads outside the package; paths"
                            + " must stay inside the zip.");
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    private static void checkDecoded(String text, String shown, String pointer) {
        if (text.indexOf('\\') >= 0) {
            throw unsafe(pointer, "The URI " + shown + " at " + pointer + " contains a backslash; use '/' between"
                    + " folders.");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw unsafe(pointer, "The URI " + shown + " at " + pointer + " contains control characters.");
        }
        if (SCHEME.matcher(text).matches()) {
            String scheme = text.substring(0, text.indexOf(':') + 1);
            throw unsafe(pointer, "The URI " + shown + " at " + pointer + " uses the scheme " + shown(scheme)
                    + "; only data: URIs and relative paths inside the package are allowed.");
        }
        if (text.startsWith("/")) {
            throw unsafe(pointer, "The URI " + shown + " at " + pointer + " is an absolute path; use a path"
                    + " relative to the .gltf file.");
        }
    }

    private static String percentDecode(String uri, String shown, String pointer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        for (int i = 0; i < uri.length(); ) {
            char c = uri.charAt(i);
            if (c == '%') {
                int high = i + 2 < uri.length() ? Character.digit(uri.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(uri.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw unsafe(pointer, "The URI " + shown + " at " + pointer + " has a broken percent-escape"
                            + " (a '%' must be followed by two hex digits).");
                }
                bytes.write(high << 4 | low);
                i += 3;
            } else {
                int codePoint = uri.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw unsafe(pointer, "The URI " + shown + " at " + pointer + " percent-encodes bytes that are not"
                    + " UTF-8 text.");
        }
    }

    /** A URI fit to quote in a message: quoted, without control characters, cut at a sensible length. */
    static String shown(String uri) {
        StringBuilder clean = new StringBuilder("'");
        uri.codePoints().limit(MAX_SHOWN).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return clean.append(uri.length() > MAX_SHOWN ? "…'" : "'").toString();
    }

    private static AssetRejectedException unsafe(String pointer, String message) {
        return Rule.URI_UNSAFE.at(pointer, message);
    }
}
