package io.scenelog.schemas.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * Caches what never changes in a registry: the id of a schema under a subject, and the schema of an
 * id. {@link #latest} is not cached, since a subject's latest version moves. Failures are not
 * cached either: a schema missing now may be registered later.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

  private final SchemaRegistryClient delegate;
  private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Schema> schemas = new ConcurrentHashMap<>();

  /** Wraps {@code delegate}. */
  public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id = delegate.register(subject, schema);
    remember(key, id);
    return id;
  }

  @Override
  public int idOf(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id = delegate.idOf(subject, schema);
    remember(key, id);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemas.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = delegate.schemaById(id);
    Schema raced = schemas.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  @Override
  public Optional<RegisteredSchema> latest(String subject) {
    Optional<RegisteredSchema> latest = delegate.latest(subject);
    latest.ifPresent(found -> remember(new SubjectSchema(subject, found.schema()), found.id()));
    return latest;
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public String toString() {
    return "CachingSchemaRegistryClient[" + delegate + "]";
  }

  private void remember(SubjectSchema key, int id) {
    ids.putIfAbsent(key, id);
    // The registry stores the schema under this id (possibly as text that differs only in
    // formatting), so it serves as the writer schema of that id.
    schemas.putIfAbsent(id, key.schema());
  }

  /** A cache key; Avro schemas compare by structure and cache their hash code. */
  private record SubjectSchema(String subject, Schema schema) {
    private SubjectSchema {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(schema, "schema");
    }
  }
}
