package io.scenelog.schemas.registry;

import io.scenelog.schemas.compat.CompatibilityLevel;
import io.scenelog.schemas.compat.CompatibilityResult;
import io.scenelog.schemas.compat.SchemaCompatibilityGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A real schema registry in process memory, for tests ({@code TopologyTestDriver}) and tools. It
 * behaves as Confluent's: ids are global and start at 1; a schema is identified by its Avro parsing
 * canonical form ({@link SchemaNormalization#toParsingForm}), so the same schema written with other
 * whitespace, key order or docs gets the same id under every subject; registering a schema a
 * subject already holds returns its id without a new version; new versions must pass the
 * compatibility level (BACKWARD unless given).
 *
 * <p>{@link #forScope} shares instances by name, which is what the serde's {@code
 * schema.registry.url=mock://<scope>} resolves to.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private static final ConcurrentMap<String, InMemorySchemaRegistryClient> SCOPES =
      new ConcurrentHashMap<>();

  private final String name;
  private final CompatibilityLevel level;
  private final Map<String, Integer> idsByCanonicalForm = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

  /** Creates an empty registry that checks BACKWARD compatibility. */
  public InMemorySchemaRegistryClient() {
    this("in-memory", CompatibilityLevel.BACKWARD);
  }

  /** Creates an empty registry that checks {@code level} for every subject. */
  public InMemorySchemaRegistryClient(CompatibilityLevel level) {
    this("in-memory", level);
  }

  private InMemorySchemaRegistryClient(String name, CompatibilityLevel level) {
    this.name = name;
    this.level = Objects.requireNonNull(level, "level");
  }

  /** The registry shared under {@code scope}, created empty (BACKWARD) on first use. */
  public static InMemorySchemaRegistryClient forScope(String scope) {
    return SCOPES.computeIfAbsent(
        scope, s -> new InMemorySchemaRegistryClient("mock://" + s, CompatibilityLevel.BACKWARD));
  }

  /** Forgets the registry shared under {@code scope}, so that a later use starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    Objects.requireNonNull(subject, "subject");
    String canonical = SchemaNormalization.toParsingForm(schema);
    List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
    Integer known = idsByCanonicalForm.get(canonical);
    if (known != null && versions.contains(known)) {
      return known;
    }
    List<Schema> previous = versions.stream().map(schemasById::get).collect(Collectors.toList());
    CompatibilityResult result = SchemaCompatibilityGate.check(schema, previous, level);
    if (!result.isCompatible()) {
      throw new IncompatibleSchemaException(
          "Schema " + schema.getFullName() + " is incompatible with subject " + subject + " ("
              + level + ") in " + name + ":\n" + result.describe(),
          409,
          name);
    }
    int id =
        idsByCanonicalForm.computeIfAbsent(
            canonical,
            c -> {
              int next = schemasById.size() + 1;
              // A private copy: callers may still add properties to the schema they passed.
              schemasById.put(next, new Schema.Parser().parse(schema.toString()));
              return next;
            });
    versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw new SubjectNotFoundException(
          "Subject " + subject + " not found in " + name, 404, name);
    }
    Integer id = idsByCanonicalForm.get(SchemaNormalization.toParsingForm(schema));
    if (id == null || !versions.contains(id)) {
      throw new SchemaNotFoundException(
          "Schema " + schema.getFullName() + " is not registered under subject " + subject
              + " in " + name,
          404,
          name);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaNotFoundException("Schema id " + id + " not found in " + name, 404, name);
    }
    return schema;
  }

  @Override
  public synchronized Optional<RegisteredSchema> latest(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      return Optional.empty();
    }
    int id = versions.get(versions.size() - 1);
    return Optional.of(new RegisteredSchema(subject, versions.size(), id, schemasById.get(id)));
  }

  /** The subjects registered so far, sorted. */
  public synchronized List<String> subjects() {
    return versionsBySubject.keySet().stream().sorted().collect(Collectors.toList());
  }

  @Override
  public String location() {
    return name;
  }

  @Override
  public String toString() {
    return "InMemorySchemaRegistryClient[" + name + ", " + level + "]";
  }
}
