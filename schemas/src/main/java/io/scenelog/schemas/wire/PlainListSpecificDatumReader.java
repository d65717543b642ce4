package io.scenelog.schemas.wire;

import io.scenelog.schemas.ScenelogSchemas;
import java.util.ArrayList;
import java.util.Collection;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * A {@link SpecificDatumReader} that reads Avro arrays into {@link ArrayList}s instead of Avro's
 * {@code GenericData.Array}. Use it (or {@link SpecificAvroDeserializer}, which does) to decode
 * Scenelog records outside the serde, e.g. Livelink payloads.
 *
 * <p>Why: {@code GenericData.Array.equals} and {@code hashCode} compare through the global {@code
 * GenericData.get()}, which has no logical-type conversions; an array of records holding a
 * nullable {@code java.util.UUID} (every {@code SceneAction} and {@code SceneEvent}: {@code
 * Components.parent}) then throws "Unknown datum type java.util.UUID" from {@code equals}. Plain
 * lists compare element by element with the generated classes' own {@code equals}.
 *
 * @param <T> the generated class
 */
public class PlainListSpecificDatumReader<T> extends SpecificDatumReader<T> {

  static {
    ScenelogSchemas.trustGeneratedClasses();
  }

  /** Creates a reader that resolves data written with {@code writer} to {@code reader}. */
  public PlainListSpecificDatumReader(Schema writer, Schema reader, SpecificData model) {
    super(writer, reader, model);
  }

  @Override
  protected Object newArray(Object old, int size, Schema schema) {
    if (old instanceof Collection) {
      ((Collection<?>) old).clear();
      return old;
    }
    return new ArrayList<>(size);
  }
}
