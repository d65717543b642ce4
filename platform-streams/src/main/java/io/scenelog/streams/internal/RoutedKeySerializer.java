package io.scenelog.streams.internal;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/** Writes the key part of a {@link RoutedKey} as UTF-8, as the catalogue's String key serde does. */
public final class RoutedKeySerializer implements Serializer<RoutedKey> {

    @Override
    public byte[] serialize(String topic, RoutedKey data) {
        return data == null ? null : data.key().getBytes(StandardCharsets.UTF_8);
    }
}
