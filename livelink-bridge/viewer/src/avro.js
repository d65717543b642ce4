// A small Avro binary codec that interprets schemas instead of generating code. avsc, the usual JavaScript Avro
// library, compiles every record type with `new Function`, which the viewer's Content-Security-Policy (script-src
// 'self', no 'unsafe-eval') forbids; this codec reads and writes the same bytes into the same values as avsc 5.7.9
// without logical types (see peers/node/livelink-golden.mjs), and the tests hold it to that, value for value and byte
// for byte, against avsc itself:
//
// - null, boolean, string: as in JavaScript; int, long, float, double: numbers (a long beyond 2^53 is refused, as
//   avsc refuses it); bytes and fixed: Uint8Array; enum: the symbol; record: an object of its fields; array: an
//   array; map: an object;
// - a union whose branches JavaScript can tell apart (e.g. ["null", T]) is the bare value; any other union (e.g.
//   several records) is wrapped: {"<full name of the branch>": value}, null as null;
// - logicalType is ignored: a uuid is its string, a timestamp-millis its number of milliseconds.
//
// Decoding never trusts a length: a string, bytes, array or map that claims more than the bytes left is refused
// before anything is allocated.

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Bytes that are not a value of the schema (truncated, a bad index or length, invalid UTF-8, ...). */
export class AvroDecodeError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AvroDecodeError';
  }
}

/** A value that does not fit the schema; `path` names where (e.g. "operations.0.entityId"). */
export class AvroEncodeError extends Error {
  constructor(path, message) {
    super(`${path.length ? path.join('.') : '(the value)'}: ${message}`);
    this.name = 'AvroEncodeError';
    this.path = path;
  }
}

/**
 * A schema ready to read and write.
 */
export class AvroType {
  constructor(node) {
    this.node = node;
  }

  /** The Avro binary encoding of a value. */
  encode(value) {
    const out = new Output();
    this.node.write(value, out, []);
    return out.bytes();
  }

  /**
   * Reads one value from `bytes` at `offset`; returns the value and where it ended (callers decide whether bytes may
   * follow).
   */
  decode(bytes, offset = 0) {
    const input = new Input(bytes, offset);
    const value = this.node.read(input);
    return { value, offset: input.position };
  }
}

/** Compiles a parsed Avro schema (JSON) into an AvroType. */
export function compile(schema) {
  return new AvroType(nodeOf(schema, '', new Map()));
}

function nodeOf(schema, namespace, named) {
  if (typeof schema === 'string') {
    if (PRIMITIVES.has(schema)) {
      return primitive(schema);
    }
    const fullName = qualify(schema, namespace);
    const node = named.get(fullName);
    if (node === undefined) {
      throw new Error(`unknown type ${fullName}`);
    }
    return node;
  }
  if (Array.isArray(schema)) {
    return union(schema.map((branch) => nodeOf(branch, namespace, named)));
  }
  switch (schema.type) {
    case 'record':
    case 'error':
      return record(schema, namespace, named);
    case 'enum':
      return register(named, enumeration(fullNameOf(schema, namespace), schema.symbols));
    case 'fixed':
      return register(named, fixed(fullNameOf(schema, namespace), schema.size));
    case 'array':
      return array(nodeOf(schema.items, namespace, named));
    case 'map':
      return map(nodeOf(schema.values, namespace, named));
    default:
      return nodeOf(schema.type, namespace, named); // a primitive or named type, possibly with a logicalType
  }
}

function fullNameOf(schema, namespace) {
  if (schema.name.includes('.')) {
    return schema.name;
  }
  const space = schema.namespace ?? namespace;
  return space ? `${space}.${schema.name}` : schema.name;
}

function qualify(name, namespace) {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

function register(named, node) {
  if (named.has(node.name)) {
    throw new Error(`type ${node.name} is defined twice`);
  }
  named.set(node.name, node);
  return node;
}

function primitive(type) {
  switch (type) {
    case 'null':
      return scalar('null', 'null', () => null, (v, out, path) => expect(v === null, path, 'not null'));
    case 'boolean':
      return scalar('boolean', 'boolean', (input) => {
        const byte = input.byte();
        if (byte > 1) {
          throw new AvroDecodeError(`a boolean byte is ${byte}, not 0 or 1`);
        }
        return byte === 1;
      }, (v, out, path) => {
        expect(typeof v === 'boolean', path, 'not a boolean');
        out.byte(v ? 1 : 0);
      });
    case 'int':
      return scalar('int', 'number', (input) => input.int(), (v, out, path) => {
        expect(Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX, path, 'not a 32-bit integer');
        out.long(BigInt(v));
      });
    case 'long':
      return scalar('long', 'number', (input) => input.long(), (v, out, path) => {
        expect(Number.isSafeInteger(v), path, 'not an integer within 2^53');
        out.long(BigInt(v));
      });
    case 'float':
      return scalar('float', 'number', (input) => input.float32(), (v, out, path) => {
        expect(typeof v === 'number', path, 'not a number');
        out.float32(v);
      });
    case 'double':
      return scalar('double', 'number', (input) => input.float64(), (v, out, path) => {
        expect(typeof v === 'number', path, 'not a number');
        out.float64(v);
      });
    case 'bytes':
      return scalar('bytes', 'buffer', (input) => input.take(input.length()).slice(), (v, out, path) => {
        expect(v instanceof Uint8Array, path, 'not bytes (a Uint8Array)');
        out.long(BigInt(v.length));
        out.append(v);
      });
    default:
      return scalar('string', 'string', (input) => {
        const bytes = input.take(input.length());
        try {
          return utf8Decoder.decode(bytes);
        } catch {
          throw new AvroDecodeError('a string is not valid UTF-8');
        }
      }, (v, out, path) => {
        expect(typeof v === 'string', path, 'not a string');
        const bytes = utf8Encoder.encode(v);
        out.long(BigInt(bytes.length));
        out.append(bytes);
      });
  }
}

/** A leaf type; `bucket` is how JavaScript tells its values apart in an unwrapped union (as avsc does). */
function scalar(name, bucket, read, write) {
  return { name, bucket, read, write };
}

function record(schema, namespace, named) {
  const name = fullNameOf(schema, namespace);
  const space = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
  const node = register(named, { name, bucket: 'object', fields: [] });
  // registered before its fields so that a field may refer to the record itself
  node.fields = schema.fields.map((field) => ({ name: field.name, node: nodeOf(field.type, space, named),
    hasDefault: Object.hasOwn(field, 'default'), default: field.default }));
  node.read = (input) => {
    const value = {};
    for (const field of node.fields) {
      value[field.name] = field.node.read(input);
    }
    return value;
  };
  node.write = (v, out, path) => {
    expect(v !== null && typeof v === 'object' && !Array.isArray(v), path, `not a ${name} record`);
    for (const field of node.fields) {
      let fieldValue = v[field.name];
      if (fieldValue === undefined && field.hasDefault) {
        fieldValue = field.default;
      }
      field.node.write(fieldValue, out, [...path, field.name]);
    }
  };
  return node;
}

function enumeration(name, symbols) {
  const indexes = new Map(symbols.map((symbol, index) => [symbol, index]));
  return {
    name,
    bucket: 'string',
    read(input) {
      const index = input.int();
      if (index < 0 || index >= symbols.length) {
        throw new AvroDecodeError(`enum ${name} has no symbol ${index}`);
      }
      return symbols[index];
    },
    write(v, out, path) {
      expect(indexes.has(v), path, `not a symbol of ${name}`);
      out.long(BigInt(indexes.get(v)));
    },
  };
}

function fixed(name, size) {
  const node = {
    name,
    bucket: 'buffer',
    read: (input) => input.take(size).slice(),
    write(v, out, path) {
      expect(v instanceof Uint8Array && v.length === size, path, `not ${size} bytes`);
      out.append(v);
    },
  };
  return node;
}

function array(items) {
  const node = {
    name: 'array',
    bucket: 'array',
    read(input) {
      const values = [];
      input.blocks(() => values.push(items.read(input)));
      return values;
    },
    write(v, out, path) {
      expect(Array.isArray(v), path, 'not an array');
      if (v.length > 0) {
        out.long(BigInt(v.length));
        v.forEach((item, index) => items.write(item, out, [...path, String(index)]));
      }
      out.byte(0);
    },
  };
  return node;
}

function map(values) {
  const keys = primitive('string');
  const node = {
    name: 'map',
    bucket: 'object',
    read(input) {
      const result = {};
      input.blocks(() => {
        const key = keys.read(input);
        result[key] = values.read(input);
      });
      return result;
    },
    write(v, out, path) {
      expect(v !== null && typeof v === 'object' && !Array.isArray(v), path, 'not a map');
      const entries = Object.entries(v);
      if (entries.length > 0) {
        out.long(BigInt(entries.length));
        for (const [key, item] of entries) {
          keys.write(key, out, path);
          values.write(item, out, [...path, key]);
        }
      }
      out.byte(0);
    },
  };
  return node;
}

function union(branches) {
  const buckets = branches.map((branch) => branch.bucket);
  const wrapped = new Set(buckets).size !== buckets.length;
  const byName = new Map(branches.map((branch, index) => [branch.name, index]));
  const byBucket = new Map(branches.map((branch, index) => [branch.bucket, index]));
  const node = {
    name: 'union',
    bucket: 'union',
    read(input) {
      const index = input.long();
      const branch = branches[index];
      if (branch === undefined) {
        throw new AvroDecodeError(`a union has no branch ${index}`);
      }
      const value = branch.read(input);
      return wrapped && branch.name !== 'null' ? { [branch.name]: value } : value;
    },
    write(v, out, path) {
      let index;
      let value = v;
      if (v === null) {
        index = byName.get('null');
      } else if (wrapped) {
        const keys = v !== undefined && typeof v === 'object' ? Object.keys(v) : [];
        index = keys.length === 1 ? byName.get(keys[0]) : undefined;
        value = index === undefined ? undefined : v[keys[0]];
      } else {
        index = byBucket.get(bucketOf(v));
      }
      expect(index !== undefined, path, wrapped
        ? `not null or {"<branch>": value} with a branch among ${[...byName.keys()].join(', ')}`
        : `fits none of ${[...byName.keys()].join(', ')}`);
      out.long(BigInt(index));
      branches[index].write(value, out, path);
    },
  };
  return node;
}

/** Which kind of union branch a JavaScript value can be (avsc's buckets). */
function bucketOf(value) {
  if (value === null) {
    return 'null';
  }
  if (value instanceof Uint8Array) {
    return 'buffer';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  return typeof value; // 'boolean', 'number', 'string', 'object' (a record or map); anything else fits no branch
}

function expect(condition, path, problem) {
  if (!condition) {
    throw new AvroEncodeError(path, problem);
  }
}

/** Reads Avro's binary primitives from a byte array, refusing to read past its end. */
class Input {
  constructor(bytes, offset) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.position = offset;
  }

  byte() {
    if (this.position >= this.bytes.length) {
      throw new AvroDecodeError('truncated');
    }
    return this.bytes[this.position++];
  }

  /** A zig-zag varint of at most 10 bytes, exactly, as a BigInt. */
  varint() {
    let raw = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.byte();
      raw |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) {
        return (raw >> 1n) ^ -(raw & 1n);
      }
    }
    throw new AvroDecodeError('a varint is longer than 10 bytes');
  }

  int() {
    const value = this.varint();
    if (value < BigInt(INT_MIN) || value > BigInt(INT_MAX)) {
      throw new AvroDecodeError(`an int is out of range (${value})`);
    }
    return Number(value);
  }

  long() {
    const value = this.varint();
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new AvroDecodeError(`a long is beyond 2^53 (${value}); JavaScript numbers would lose precision`);
    }
    return Number(value);
  }

  /** A length (of a string or bytes) that must fit in what is left. */
  length() {
    const length = this.long();
    if (length < 0 || length > this.bytes.length - this.position) {
      throw new AvroDecodeError(`a length of ${length} does not fit the ${this.bytes.length - this.position} bytes left`);
    }
    return length;
  }

  take(count) {
    if (count > this.bytes.length - this.position) {
      throw new AvroDecodeError('truncated');
    }
    const slice = this.bytes.subarray(this.position, this.position + count);
    this.position += count;
    return slice;
  }

  float32() {
    this.take(4);
    return this.view.getFloat32(this.position - 4, true);
  }

  float64() {
    this.take(8);
    return this.view.getFloat64(this.position - 8, true);
  }

  /** Array and map blocks: a count (negative: followed by the block's size in bytes), items, until a 0 count. */
  blocks(readItem) {
    for (;;) {
      let count = this.long();
      if (count === 0) {
        return;
      }
      if (count < 0) {
        count = -count;
        this.long(); // the block's byte size, which a reader that reads every item does not need
      }
      // every item takes at least one byte in our schemas' arrays and maps: a count beyond the bytes left is a lie
      if (count > this.bytes.length - this.position) {
        throw new AvroDecodeError(`a block of ${count} items does not fit the ${this.bytes.length - this.position}`
          + ' bytes left');
      }
      for (let i = 0; i < count; i++) {
        readItem();
      }
    }
  }
}

/** Writes Avro's binary primitives into a growing byte array. */
class Output {
  constructor() {
    this.buffer = new Uint8Array(256);
    this.view = new DataView(this.buffer.buffer);
    this.length = 0;
  }

  room(count) {
    if (this.length + count > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + count));
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
      this.view = new DataView(bigger.buffer);
    }
  }

  byte(value) {
    this.room(1);
    this.buffer[this.length++] = value;
  }

  /** A zig-zag varint of a BigInt. */
  long(value) {
    let raw = value >= 0n ? value << 1n : ((-value) << 1n) - 1n;
    while (raw > 0x7fn) {
      this.byte(Number(raw & 0x7fn) | 0x80);
      raw >>= 7n;
    }
    this.byte(Number(raw));
  }

  float32(value) {
    this.room(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
  }

  float64(value) {
    this.room(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  append(bytes) {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes() {
    return this.buffer.slice(0, this.length);
  }
}
