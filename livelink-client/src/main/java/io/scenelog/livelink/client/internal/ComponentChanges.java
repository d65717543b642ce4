package io.scenelog.livelink.client.internal;

import io.scenelog.model.ComponentKind;
import io.scenelog.model.Components;
import io.scenelog.schemas.ScenelogSchemas;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Applies the components of an EntityChange to an entity's components. Works field by field over the
 * Components schema, so a component added to the schema later needs no change here: each ComponentKind
 * symbol names the Components field of the same name (NAME is {@code name}, TRANSFORM {@code transform}).
 */
public final class ComponentChanges {

    static {
        // Deep copies instantiate nested generated records by name, which Avro 1.12 forbids by default.
        ScenelogSchemas.trustGeneratedClasses();
    }

    private static final Schema SCHEMA = Components.getClassSchema();
    // The generated class's own model: it knows the conversions (uuid, timestamps) the global one lacks.
    private static final SpecificData MODEL = new Components().getSpecificData();

    private ComponentChanges() {
    }

    /** A deep copy of {@code components}. */
    public static Components copy(Components components) {
        return MODEL.deepCopy(SCHEMA, components);
    }

    /** Sets every component that {@code changed} holds (non-null) on {@code target}, as deep copies. */
    public static void merge(Components target, Components changed) {
        for (Schema.Field field : SCHEMA.getFields()) {
            Object value = changed.get(field.pos());
            if (value != null) {
                target.put(field.pos(), MODEL.deepCopy(field.schema(), value));
            }
        }
    }

    /** Removes the components of the given kinds from {@code target}; UNKNOWN kinds are ignored. */
    public static void remove(Components target, List<ComponentKind> kinds) {
        for (ComponentKind kind : kinds) {
            Schema.Field field = SCHEMA.getField(kind.name().toLowerCase(Locale.ROOT));
            if (field != null) {
                target.put(field.pos(), null);
            }
        }
    }
}
