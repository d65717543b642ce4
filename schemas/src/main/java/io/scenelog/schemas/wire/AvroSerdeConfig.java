package io.scenelog.schemas.wire;

import org.apache.kafka.common.config.ConfigDef;

/**
 * The configuration keys the serializers, deserializers and serdes read in {@code
 * configure(Map, isKey)}: Confluent's names, so existing producer, consumer and Streams
 * configurations work unchanged. Other keys in the map are ignored.
 */
public final class AvroSerdeConfig {

  /**
   * The registry's base URL ({@code http://host:8081}). {@code mock://<scope>} selects an in-memory
   * registry shared by that scope name within the JVM, for tests. Required unless the serde was
   * constructed with a client.
   */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether the serializer registers a record's schema when it is new (default true). */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /**
   * Whether the generic deserializer returns generated {@code SpecificRecord} classes, chosen by
   * the writer schema's full name, instead of {@code GenericRecord}s (default false).
   */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** The generated class the specific deserializer reads keys as (default: by writer name). */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

  /** The generated class the specific deserializer reads values as (default: by writer name). */
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

  /** The URL prefix of in-memory registries. */
  public static final String MOCK_URL_PREFIX = "mock://";

  private static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(SCHEMA_REGISTRY_URL, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
              "The schema registry's base URL, or mock://<scope> for an in-memory registry.")
          .define(AUTO_REGISTER_SCHEMAS, ConfigDef.Type.BOOLEAN, true,
              ConfigDef.Importance.MEDIUM,
              "Whether the serializer registers new schemas; if false it only looks ids up.")
          .define(SPECIFIC_AVRO_READER, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
              "Whether the generic deserializer returns generated SpecificRecord classes.")
          .define(SPECIFIC_AVRO_KEY_TYPE, ConfigDef.Type.CLASS, null, ConfigDef.Importance.LOW,
              "The generated class to read keys as.")
          .define(SPECIFIC_AVRO_VALUE_TYPE, ConfigDef.Type.CLASS, null, ConfigDef.Importance.LOW,
              "The generated class to read values as.");

  private AvroSerdeConfig() {}

  /** The definition of the keys above, with types and defaults (a copy, free to extend). */
  public static ConfigDef definition() {
    return new ConfigDef(DEFINITION);
  }
}
