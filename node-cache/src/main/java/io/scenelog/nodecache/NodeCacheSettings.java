package io.scenelog.nodecache;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Everything the node cache needs, validated once: a bad value fails with a message naming the setting and the fix.
 *
 * @param directory where blobs live; shared by every renderer process of the node
 * @param maxBytes the most bytes of blobs kept (least recently used ones are evicted beyond it)
 * @param upstream the platform's REST edge, e.g. {@code http://edge:8080}
 * @param credentials a fresh bearer token of the node for each request (viewer role, not scoped to a scene)
 * @param maxBlobBytes the largest blob fetched; a longer answer is cut off and rejected
 * @param minFreeDiskBytes free disk space kept in reserve: a fetch that would go below it evicts first, or refuses
 * @param connectTimeout to connect to the platform
 * @param requestTimeout for the platform to start answering a request
 * @param maxAttempts attempts per upstream request (1 = no retry) when it fails in a way that may pass
 * @param initialBackoff wait before the first retry; doubled for each further one
 * @param maxBackoff the longest wait between retries
 * @param listingRefreshInterval the least time between two listings of a scene's assets triggered by unknown hashes
 * @param diskSpace how free disk space is measured
 * @param clock the time of access stamps (least-recently-used order)
 */
public record NodeCacheSettings(Path directory, long maxBytes, URI upstream, Supplier<String> credentials,
                                long maxBlobBytes, long minFreeDiskBytes, Duration connectTimeout,
                                Duration requestTimeout, int maxAttempts, Duration initialBackoff,
                                Duration maxBackoff, Duration listingRefreshInterval, DiskSpace diskSpace,
                                Clock clock) {

    /** Default for {@link #maxBytes()}: 10 GiB. */
    public static final long DEFAULT_MAX_BYTES = 10L << 30;
    /** Default for {@link #maxBlobBytes()}: 256 MiB, the platform's own cap on an unpacked upload. */
    public static final long DEFAULT_MAX_BLOB_BYTES = 256L << 20;
    /** Default for {@link #minFreeDiskBytes()}: 256 MiB. */
    public static final long DEFAULT_MIN_FREE_DISK_BYTES = 256L << 20;

    /**
     * @throws InvalidNodeCacheSettingsException naming the setting and the fix when a value is unusable
     */
    public NodeCacheSettings {
        require(directory != null, "directory", null, "give the directory that holds the node's cached blobs");
        require(maxBytes >= 1, "maxBytes", maxBytes, "allow at least 1 byte; the default is 10 GiB");
        require(upstream != null, "upstream", null, "give the platform's REST address, e.g. http://edge:8080");
        String scheme = upstream.getScheme();
        require(("http".equals(scheme) || "https".equals(scheme)) && upstream.getHost() != null, "upstream", upstream,
                "give an absolute http:// or https:// address of the REST edge, e.g. http://edge:8080");
        require(credentials != null, "credentials", null, "give a supplier of the node's bearer tokens");
        require(maxBlobBytes >= 1, "maxBlobBytes", maxBlobBytes, "allow at least 1 byte; the default is 256 MiB");
        require(maxBlobBytes <= maxBytes, "maxBlobBytes", maxBlobBytes,
                "keep it at most maxBytes (" + maxBytes + "), or no blob that large could ever be kept");
        require(minFreeDiskBytes >= 0, "minFreeDiskBytes", minFreeDiskBytes, "use 0 or more bytes");
        requirePositive(connectTimeout, "connectTimeout", "e.g. 5s");
        requirePositive(requestTimeout, "requestTimeout", "e.g. 60s");
        require(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts", maxAttempts,
                "use 1 (no retry) to 100 attempts; the default is 4");
        requirePositive(initialBackoff, "initialBackoff", "e.g. 200ms");
        requirePositive(maxBackoff, "maxBackoff", "e.g. 5s");
        require(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff", maxBackoff,
                "keep it at least initialBackoff (" + initialBackoff + ")");
        require(listingRefreshInterval != null && !listingRefreshInterval.isNegative(), "listingRefreshInterval",
                listingRefreshInterval, "use zero or a positive duration, e.g. 1s");
        require(diskSpace != null, "diskSpace", null, "use DiskSpace.FILE_STORE");
        require(clock != null, "clock", null, "use Clock.systemUTC()");
    }

    /** Settings with the defaults for everything but where the blobs live and where they come from. */
    public static NodeCacheSettings defaults(Path directory, URI upstream, Supplier<String> credentials) {
        return new NodeCacheSettings(directory, DEFAULT_MAX_BYTES, upstream, credentials, DEFAULT_MAX_BLOB_BYTES,
                DEFAULT_MIN_FREE_DISK_BYTES, Duration.ofSeconds(5), Duration.ofSeconds(60), 4,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1), DiskSpace.FILE_STORE,
                Clock.systemUTC());
    }

    /** A copy with another size bound. */
    public NodeCacheSettings withMaxBytes(long value) {
        return new NodeCacheSettings(directory, value, upstream, credentials, Math.min(maxBlobBytes, value),
                minFreeDiskBytes, connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff,
                listingRefreshInterval, diskSpace, clock);
    }

    /** A copy with another cap on one blob. */
    public NodeCacheSettings withMaxBlobBytes(long value) {
        return new NodeCacheSettings(directory, maxBytes, upstream, credentials, value, minFreeDiskBytes,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, listingRefreshInterval,
                diskSpace, clock);
    }

    /** A copy with another retry policy. */
    public NodeCacheSettings withRetries(int attempts, Duration initial, Duration max) {
        return new NodeCacheSettings(directory, maxBytes, upstream, credentials, maxBlobBytes, minFreeDiskBytes,
                connectTimeout, requestTimeout, attempts, initial, max, listingRefreshInterval, diskSpace, clock);
    }

    /** A copy with other timeouts. */
    public NodeCacheSettings withTimeouts(Duration connect, Duration request) {
        return new NodeCacheSettings(directory, maxBytes, upstream, credentials, maxBlobBytes, minFreeDiskBytes,
                connect, request, maxAttempts, initialBackoff, maxBackoff, listingRefreshInterval, diskSpace, clock);
    }

    /** A copy with another way to measure free disk space, and another reserve. */
    public NodeCacheSettings withDisk(DiskSpace space, long minFree) {
        return new NodeCacheSettings(directory, maxBytes, upstream, credentials, maxBlobBytes, minFree,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, listingRefreshInterval,
                space, clock);
    }

    /** A copy with another interval between listings triggered by unknown hashes. */
    public NodeCacheSettings withListingRefreshInterval(Duration value) {
        return new NodeCacheSettings(directory, maxBytes, upstream, credentials, maxBlobBytes, minFreeDiskBytes,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, value, diskSpace, clock);
    }

    /** A copy with another clock for access stamps. */
    public NodeCacheSettings withClock(Clock value) {
        return new NodeCacheSettings(directory, maxBytes, upstream, credentials, maxBlobBytes, minFreeDiskBytes,
                connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, listingRefreshInterval,
                diskSpace, value);
    }

    private static void requirePositive(Duration value, String setting, String example) {
        require(value != null && !value.isNegative() && !value.isZero(), setting, value,
                "use a positive duration, " + example);
    }

    private static void require(boolean ok, String setting, Object value, String fix) {
        if (!ok) {
            throw new InvalidNodeCacheSettingsException(setting, value, fix);
        }
    }

    @Override
    public String toString() {
        // The credentials supplier is left out on purpose: a settings dump must never print how tokens are made.
        return "NodeCacheSettings[directory=" + directory + ", maxBytes=" + maxBytes + ", upstream=" + upstream
                + ", maxBlobBytes=" + maxBlobBytes + ", minFreeDiskBytes=" + minFreeDiskBytes + ", maxAttempts="
                + maxAttempts + "]";
    }
}
