package io.scenelog.app.bench.cache;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;

/** A large PNG-looking asset: a valid signature and IHDR header (all the platform checks), then random bytes. */
final class BenchPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private BenchPng() {
    }

    static byte[] of(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.put(SIGNATURE);
        buffer.putInt(13);
        buffer.put(new byte[] {'I', 'H', 'D', 'R'});
        buffer.putInt(1024).putInt(1024);
        buffer.put(new byte[] {8, 6, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        buffer.putInt((int) crc.getValue());
        return bytes;
    }
}
