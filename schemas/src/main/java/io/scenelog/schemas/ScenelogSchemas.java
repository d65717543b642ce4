package io.scenelog.schemas;

import io.scenelog.model.ActionResult;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.EntityState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SessionRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The catalogue of Scenelog's top-level records: the values of the Kafka topics (DESIGN §4). Their
 * schemas are the unit of release and of the compatibility gate; shared types ({@code Components},
 * {@code Role}, ...) evolve as parts of them.
 */
public final class ScenelogSchemas {

  private static final List<Class<? extends SpecificRecord>> TOP_LEVEL =
      List.of(
          SceneAction.class,
          SceneEvent.class,
          EntityState.class,
          ActionResult.class,
          SessionRecord.class,
          AssetRecord.class,
          NodeStatus.class);

  private static final Map<String, Schema> BY_FULL_NAME = index();

  private ScenelogSchemas() {}

  /** The generated classes of the top-level records. */
  public static List<Class<? extends SpecificRecord>> topLevelClasses() {
    return TOP_LEVEL;
  }

  /** The top-level schemas by full name ({@code io.scenelog.model.SceneAction}), sorted by name. */
  public static Map<String, Schema> topLevelSchemas() {
    return BY_FULL_NAME;
  }

  private static Map<String, Schema> index() {
    Map<String, Schema> byName = new TreeMap<>();
    for (Class<? extends SpecificRecord> type : TOP_LEVEL) {
      Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(type);
      byName.put(schema.getFullName(), schema);
    }
    return Collections.unmodifiableMap(byName);
  }
}
