package io.scenelog.streams.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Bytes;

/**
 * The binary keys of the dedup store. Each starts with its family's tag byte, then fixed-width fields, so keys are
 * short (a UUID is 16 bytes, not 36 characters) and distinct tuples never share a key:
 * <ul>
 *   <li>{@code 1 actionId}: the outcome;</li>
 *   <li>{@code 4 sceneId (0 | 1 sessionId) length(clientId) clientId(UTF-8) clientSeq}: the actionId holding that
 *       number. A client's numbers share everything but the last eight bytes and sort in number order, so its
 *       highest number recorded is the last key of one short range ({@link #firstSeq}, {@link #lastSeq});</li>
 *   <li>{@code 5 sceneId (0 | 1 sessionId) length(clientId) clientId(UTF-8) firstSeq}: a run, the numbers one
 *       client recorded in one transaction beyond its first few outcomes, each above every number the client had
 *       recorded before ({@link #runValue}: per number the number and its actionId, in number order). Runs of a
 *       client so never overlap, and the run that may hold a number is the one with the greatest first number not
 *       above it ({@link #runFirst}, {@link #runKey});</li>
 *   <li>{@code 3 decidedAt actionId}: the expiry index. An entry names one outcome or several recorded in one
 *       transaction ({@link #expiryValue}: a marker byte, then per outcome its actionId, the length of its sequence
 *       key and that key, length 0 for none), under the newest decision time and the first actionId. Entries written
 *       before 2026-11-22 name one outcome each: the key's actionId, the value its sequence key (or nothing).</li>
 * </ul>
 * Numbers and times are big-endian with their sign bit flipped, so byte order is numeric order: every outcome
 * decided before a cutoff lies in one range. Tag 2 was the sequence family before 2026-11-22 (the number before the
 * client id, so a client's numbers were not one range); it is no longer written, and its entries leave with the
 * expiry index that names them. The tags are below every printable character, so these families never mix with
 * text keys.
 */
final class DedupKeys {

    private static final byte BY_ID = 1;
    private static final byte BY_SEQ = 4;
    private static final byte BY_RUN = 5;
    private static final byte BY_EXPIRY = 3;
    /** The first byte of an expiry value naming several outcomes: never the first byte of a sequence key. */
    private static final byte EXPIRY_BATCH = 0x7f;
    private static final byte NO_SESSION = 0;
    private static final byte WITH_SESSION = 1;
    private static final int UUID_BYTES = 16;
    /** A run's entry per number: the number, then the actionId holding it. */
    private static final int RUN_ENTRY_BYTES = Long.BYTES + UUID_BYTES;

    private DedupKeys() {
    }

    static Bytes byId(UUID actionId) {
        ByteBuffer key = ByteBuffer.allocate(1 + UUID_BYTES).put(BY_ID);
        putUuid(key, actionId);
        return Bytes.wrap(key.array());
    }

    /** Below every key by actionId (and above every key of another family with a lower tag). */
    static Bytes byIdFirst() {
        return Bytes.wrap(new byte[] {BY_ID});
    }

    /** The highest possible key by actionId. */
    static Bytes byIdLast() {
        byte[] key = new byte[1 + UUID_BYTES];
        Arrays.fill(key, (byte) 0xff);
        key[0] = BY_ID;
        return Bytes.wrap(key);
    }

    /** The lowest key above {@code key}: the key with a zero byte appended. */
    static Bytes after(Bytes key) {
        return Bytes.wrap(Arrays.copyOf(key.get(), key.get().length + 1));
    }

    /** The part of the sequence keys that names the client: its scene, its session (if any) and its id. */
    static Bytes client(UUID sceneId, UUID sessionId, String clientId) {
        byte[] client = clientId.getBytes(StandardCharsets.UTF_8);
        int session = sessionId == null ? 1 : 1 + UUID_BYTES;
        ByteBuffer key = ByteBuffer.allocate(1 + UUID_BYTES + session + Integer.BYTES + client.length);
        key.put(BY_SEQ);
        putUuid(key, sceneId);
        if (sessionId == null) {
            key.put(NO_SESSION);
        } else {
            key.put(WITH_SESSION);
            putUuid(key, sessionId);
        }
        // The length keeps one client's keys from running into another's whose id starts the same.
        return Bytes.wrap(key.putInt(client.length).put(client).array());
    }

    /** The sequence key of one of the client's numbers. */
    static Bytes bySeq(Bytes client, long clientSeq) {
        byte[] prefix = client.get();
        return Bytes.wrap(ByteBuffer.allocate(prefix.length + Long.BYTES).put(prefix).putLong(sortable(clientSeq))
                .array());
    }

    /** The lowest possible sequence key of the client. */
    static Bytes firstSeq(Bytes client) {
        return bySeq(client, Long.MIN_VALUE);
    }

    /** The highest possible sequence key of the client. */
    static Bytes lastSeq(Bytes client) {
        return bySeq(client, Long.MAX_VALUE);
    }

    /** The key of the client's run starting at {@code firstSeq}: the client's sequence prefix under tag 5. */
    static Bytes runKey(Bytes client, long firstSeq) {
        byte[] key = bySeq(client, firstSeq).get();
        key[0] = BY_RUN;
        return Bytes.wrap(key);
    }

    /** The lowest possible run key of the client. */
    static Bytes runFirst(Bytes client) {
        return runKey(client, Long.MIN_VALUE);
    }

    /** The highest possible run key of the client. */
    static Bytes runLast(Bytes client) {
        return runKey(client, Long.MAX_VALUE);
    }

    /** Whether a key (an expiry entry's sequence key) is a run's. */
    static boolean isRun(byte[] key) {
        return key.length > 0 && key[0] == BY_RUN;
    }

    /** A run's value: its numbers, ascending, each with the actionId holding it. */
    static byte[] runValue(long[] seqs, UUID[] actionIds, int count) {
        ByteBuffer value = ByteBuffer.allocate(count * RUN_ENTRY_BYTES);
        for (int i = 0; i < count; i++) {
            value.putLong(seqs[i]);
            putUuid(value, actionIds[i]);
        }
        return value.array();
    }

    /** The actionId a run holds for {@code seq}, or null when the run does not hold the number. */
    static UUID runFind(byte[] run, long seq) {
        ByteBuffer entries = ByteBuffer.wrap(run);
        int low = 0;
        int high = run.length / RUN_ENTRY_BYTES - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long found = entries.getLong(middle * RUN_ENTRY_BYTES);
            if (found < seq) {
                low = middle + 1;
            } else if (found > seq) {
                high = middle - 1;
            } else {
                return uuid(run, middle * RUN_ENTRY_BYTES + Long.BYTES);
            }
        }
        return null;
    }

    /** A run's highest number. */
    static long runLastSeq(byte[] run) {
        return ByteBuffer.wrap(run).getLong(run.length - RUN_ENTRY_BYTES);
    }

    /** The number at the end of a sequence key. */
    static long seqOf(Bytes seqKey) {
        byte[] key = seqKey.get();
        return sortable(ByteBuffer.wrap(key, key.length - Long.BYTES, Long.BYTES).getLong());
    }

    static Bytes byExpiry(long decidedAtMillis, UUID actionId) {
        ByteBuffer key = ByteBuffer.allocate(1 + Long.BYTES + UUID_BYTES);
        key.put(BY_EXPIRY).putLong(sortable(decidedAtMillis));
        putUuid(key, actionId);
        return Bytes.wrap(key.array());
    }

    /** The first possible expiry key. */
    static Bytes expiryFrom() {
        return Bytes.wrap(new byte[] {BY_EXPIRY});
    }

    /**
     * The upper bound of the expiry keys decided before {@code cutoffMillis}: a key decided at the cutoff itself is
     * longer than this bound with the same start, so it sorts after it and stays.
     */
    static Bytes expiryBefore(long cutoffMillis) {
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES).put(BY_EXPIRY).putLong(sortable(cutoffMillis)).array());
    }

    /** The actionId at the end of an expiry key. */
    static UUID actionIdOfExpiry(Bytes expiryKey) {
        return uuid(expiryKey.get(), 1 + Long.BYTES);
    }

    /**
     * An outcome to forget when it expires.
     *
     * @param actionId its actionId
     * @param seqKey   its sequence key, or an empty array when it has none
     */
    record Recorded(UUID actionId, byte[] seqKey) {
    }

    /** The value of an expiry entry naming these outcomes. */
    static byte[] expiryValue(List<Recorded> outcomes) {
        int size = 1;
        for (Recorded outcome : outcomes) {
            size += UUID_BYTES + Integer.BYTES + outcome.seqKey().length;
        }
        ByteBuffer value = ByteBuffer.allocate(size).put(EXPIRY_BATCH);
        for (Recorded outcome : outcomes) {
            putUuid(value, outcome.actionId());
            value.putInt(outcome.seqKey().length).put(outcome.seqKey());
        }
        return value.array();
    }

    /** The outcomes an expiry entry names, in either of its layouts. */
    static List<Recorded> expiring(Bytes expiryKey, byte[] value) {
        if (value == null || value.length == 0 || value[0] != EXPIRY_BATCH) {
            // One outcome, written before the entries named a commit's worth: its sequence key (a tag 2 or 4) or none.
            return List.of(new Recorded(actionIdOfExpiry(expiryKey), value == null ? new byte[0] : value));
        }
        List<Recorded> outcomes = new ArrayList<>();
        ByteBuffer entries = ByteBuffer.wrap(value, 1, value.length - 1);
        while (entries.hasRemaining()) {
            UUID actionId = new UUID(entries.getLong(), entries.getLong());
            byte[] seqKey = new byte[entries.getInt()];
            entries.get(seqKey);
            outcomes.add(new Recorded(actionId, seqKey));
        }
        return outcomes;
    }

    static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(UUID_BYTES).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    static UUID uuid(byte[] bytes, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, UUID_BYTES);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static void putUuid(ByteBuffer key, UUID id) {
        key.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    /** Unsigned byte order of the result is signed order of the number; applied twice, the number again. */
    private static long sortable(long millis) {
        return millis ^ Long.MIN_VALUE;
    }
}
