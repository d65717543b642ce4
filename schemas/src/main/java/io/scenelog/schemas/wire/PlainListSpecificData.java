package io.scenelog.schemas.wire;

import io.scenelog.schemas.ScenelogSchemas;
import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The data model of a generated class, except that Avro arrays are read into {@link ArrayList}s
 * instead of Avro's {@code GenericData.Array}. {@link SpecificAvroDeserializer} reads with it; use
 * it too when decoding Scenelog records outside the serde (Livelink payloads): {@code new
 * SpecificDatumReader<>(writer, reader, PlainListSpecificData.forClass(SceneEvent.class))}.
 *
 * <p>Why: {@code GenericData.Array.equals} and {@code hashCode} compare through the global {@code
 * GenericData.get()}, which has no logical-type conversions, so for an array of records holding a
 * nullable {@code java.util.UUID} (every {@code SceneAction} and {@code SceneEvent}, through {@code
 * Components.parent}) they throw "Unknown datum type java.util.UUID". Plain lists compare element
 * by element with the generated classes' own {@code equals}.
 */
public final class PlainListSpecificData extends SpecificData {

  private static final ConcurrentMap<Class<?>, PlainListSpecificData> BY_CLASS =
      new ConcurrentHashMap<>();

  static {
    ScenelogSchemas.trustGeneratedClasses();
  }

  private PlainListSpecificData(ClassLoader loader, Collection<Conversion<?>> conversions) {
    super(loader);
    conversions.forEach(this::addLogicalTypeConversion);
  }

  /** The model for the generated class {@code type}, with that class's logical-type conversions. */
  public static PlainListSpecificData forClass(Class<?> type) {
    return BY_CLASS.computeIfAbsent(
        type,
        t -> new PlainListSpecificData(t.getClassLoader(),
            SpecificData.getForClass(t).getConversions()));
  }

  @Override
  public Object newArray(Object old, int size, Schema schema) {
    if (old instanceof Collection) {
      ((Collection<?>) old).clear();
      return old;
    }
    return new ArrayList<>(size);
  }
}
