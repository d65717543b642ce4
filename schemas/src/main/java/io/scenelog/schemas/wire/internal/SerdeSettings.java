package io.scenelog.schemas.wire.internal;

import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.AvroSerdeConfig;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings parsed once from a Kafka configuration map.
 *
 * @param registry the registry to use
 * @param autoRegister whether the serializer registers new schemas
 * @param specificReader whether the generic deserializer returns generated classes
 * @param specificType the generated class to read this side (key or value) as, or null
 */
public record SerdeSettings(
    SchemaRegistryClient registry,
    boolean autoRegister,
    boolean specificReader,
    Class<? extends SpecificRecord> specificType) {

  /**
   * One caching client per registry URL in the JVM: every serde of a Streams application or
   * producer shares the HTTP client and the id caches instead of opening its own.
   */
  private static final ConcurrentMap<String, SchemaRegistryClient> CLIENTS =
      new ConcurrentHashMap<>();

  /**
   * Parses {@code configs} for the key side ({@code isKey}) or the value side. A client given at
   * construction ({@code injected}) is kept unless the map names a registry URL.
   *
   * @throws ConfigException naming the key of a missing or malformed value
   */
  public static SerdeSettings parse(
      Map<String, ?> configs, boolean isKey, SchemaRegistryClient injected) {
    AbstractConfig config = new AbstractConfig(AvroSerdeConfig.definition(), configs, false);
    String url = config.getString(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    SchemaRegistryClient registry;
    if (url != null && !url.isBlank()) {
      registry = fromUrl(url.trim());
    } else if (injected != null) {
      registry = injected;
    } else {
      throw new ConfigException(
          "Missing required configuration \"" + AvroSerdeConfig.SCHEMA_REGISTRY_URL
              + "\": set it to the schema registry's base URL, e.g. http://localhost:8081");
    }
    String typeKey =
        isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE;
    Class<?> type = config.getClass(typeKey);
    if (type != null && !SpecificRecord.class.isAssignableFrom(type)) {
      throw new ConfigException(typeKey, type.getName(),
          "not a generated Avro class (it does not implement SpecificRecord)");
    }
    return new SerdeSettings(
        registry,
        config.getBoolean(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS),
        config.getBoolean(AvroSerdeConfig.SPECIFIC_AVRO_READER),
        type == null ? null : type.asSubclass(SpecificRecord.class));
  }

  private static SchemaRegistryClient fromUrl(String url) {
    if (url.startsWith(AvroSerdeConfig.MOCK_URL_PREFIX)) {
      return InMemorySchemaRegistryClient.forScope(
          url.substring(AvroSerdeConfig.MOCK_URL_PREFIX.length()));
    }
    if (url.contains(",")) {
      throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
          "only one registry URL is supported; put a load balancer in front of several");
    }
    try {
      return CLIENTS.computeIfAbsent(
          url, u -> new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(URI.create(u))));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
          "not an http(s) URL: " + e.getMessage());
    }
  }
}
