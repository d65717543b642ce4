package io.scenelog.bridge.viewer.internal;

/**
 * One file of the viewer bundle, held in memory.
 *
 * @param name         the file's name in the bundle (no folders)
 * @param contentType  its media type with charset
 * @param cacheControl how long browsers may keep it: hashed assets forever, pages revalidated
 * @param etag         a strong validator of its bytes, quoted
 * @param bytes        its content (never changed)
 */
public record BundleFile(String name, String contentType, String cacheControl, String etag, byte[] bytes) {

    @Override
    public String toString() {
        return "BundleFile[" + name + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
