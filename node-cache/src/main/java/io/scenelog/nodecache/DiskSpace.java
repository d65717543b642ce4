package io.scenelog.nodecache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes the file system of the cache directory can still take. The default asks the file store; tests
 * give a smaller disk to see the cache refuse and evict rather than fill it.
 */
@FunctionalInterface
public interface DiskSpace {

    /** The file store's usable space. */
    DiskSpace FILE_STORE = directory -> Files.getFileStore(directory).getUsableSpace();

    /** Bytes still free for new files under this directory. */
    long usableBytes(Path directory) throws IOException;
}
