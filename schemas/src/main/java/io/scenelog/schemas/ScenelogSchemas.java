package io.scenelog.schemas;

import io.scenelog.model.ActionResult;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.AssetRecord;
import io.scenelog.model.EntityState;
import io.scenelog.model.NodeStatus;
import io.scenelog.model.SceneAction;
import io.scenelog.model.SceneControl;
import io.scenelog.model.SceneEvent;
import io.scenelog.model.SceneRecord;
import io.scenelog.model.SessionRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

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
          NodeStatus.class,
          SceneControl.class,
          SceneRecord.class,
          ApiKeyRecord.class);

  private static final Map<String, Schema> BY_FULL_NAME = index();

  private static final AtomicBoolean TRUSTED = new AtomicBoolean();

  private ScenelogSchemas() {}

  /** The generated classes of the top-level records. */
  public static List<Class<? extends SpecificRecord>> topLevelClasses() {
    return TOP_LEVEL;
  }

  /** The top-level schemas by full name ({@code io.scenelog.model.SceneAction}), sorted by name. */
  public static Map<String, Schema> topLevelSchemas() {
    return BY_FULL_NAME;
  }

  /**
   * Lets Avro load generated classes by the names in a schema, which Avro 1.12.2 forbids by default
   * for any class outside {@code java.lang} and {@code java.math} ({@link ClassSecurityValidator}).
   * Reading a generated record needs it: Avro instantiates nested records and enums by name.
   * Trusts exactly what Avro generates (SpecificRecord, SpecificFixed and generated enum classes),
   * data holders with no side effects, and keeps refusing every other class, which is the attack
   * the validator exists for. Idempotent; the serdes call it before their first use.
   */
  public static void trustGeneratedClasses() {
    if (TRUSTED.compareAndSet(false, true)) {
      ClassSecurityValidator.ClassSecurityPredicate generated =
          type ->
              SpecificRecord.class.isAssignableFrom(type)
                  || SpecificFixed.class.isAssignableFrom(type)
                  || (type.isEnum() && GenericEnumSymbol.class.isAssignableFrom(type));
      ClassSecurityValidator.setGlobal(
          ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), generated));
    }
  }

  private static Map<String, Schema> index() {
    Map<String, Schema> byName = new TreeMap<>();
    for (Class<? extends SpecificRecord> type : TOP_LEVEL) {
      Schema schema = SpecificData.get().getSchema(type);
      byName.put(schema.getFullName(), schema);
    }
    return Collections.unmodifiableMap(byName);
  }
}
