package io.scenelog.testkit;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names that no other test in the shared broker uses, so tests never see each other's records,
 * offsets or transactions. A readable prefix keeps broker logs searchable.
 */
public final class UniqueNames {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    private UniqueNames() {
    }

    /**
     * @param prefix readable part, e.g. the test's subject ({@code "scene-actions"})
     * @return {@code prefix-<random>}, a legal Kafka topic name
     */
    public static String topic(String prefix) {
        return unique(prefix);
    }

    /**
     * @param prefix readable part
     * @return a fresh consumer group id
     */
    public static String groupId(String prefix) {
        return unique(prefix);
    }

    /**
     * @param prefix readable part
     * @return a fresh transactional id (or Kafka Streams application id)
     */
    public static String transactionalId(String prefix) {
        return unique(prefix);
    }

    private static String unique(String prefix) {
        if (prefix == null || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Name prefix '" + prefix + "' may only contain letters, "
                    + "digits, '.', '_' and '-' (Kafka's legal name characters)");
        }
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return prefix + "-" + random;
    }
}
