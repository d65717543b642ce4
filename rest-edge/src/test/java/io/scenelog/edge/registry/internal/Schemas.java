package io.scenelog.edge.registry.internal;

/** Schema texts the registry tests share. */
final class Schemas {

    static final String USER_V1 = """
            {"type":"record","name":"User","namespace":"io.scenelog.test",
              "fields":[{"name":"name","type":"string"}]}""";

    /** USER_V1 with whitespace and key order changed: the same schema. */
    static final String USER_V1_REFORMATTED = """
            {
                "namespace" : "io.scenelog.test",
                "fields" : [ { "type" : {"type": "string"}, "name" : "name" } ],
                "name" : "User",
                "type" : "record"
            }""";

    /** Adds a field with a default: backward and forward compatible with V1. */
    static final String USER_V2_WITH_DEFAULT = """
            {"type":"record","name":"User","namespace":"io.scenelog.test",
              "fields":[{"name":"name","type":"string"},{"name":"age","type":"int","default":0}]}""";

    /** Adds a field without a default: new readers cannot read V1 data (not backward). */
    static final String USER_V3_NO_DEFAULT = """
            {"type":"record","name":"User","namespace":"io.scenelog.test",
              "fields":[{"name":"name","type":"string"},{"name":"email","type":"string"}]}""";

    /** Drops "name" (which has no default in V1): V1 readers cannot read its data (not forward). */
    static final String USER_WITHOUT_NAME = """
            {"type":"record","name":"User","namespace":"io.scenelog.test",
              "fields":[{"name":"age","type":"int","default":0}]}""";

    /** Requires "age": backward with V2 (which has it) but not with V1 (which does not). */
    static final String USER_AGE_REQUIRED = """
            {"type":"record","name":"User","namespace":"io.scenelog.test",
              "fields":[{"name":"name","type":"string"},{"name":"age","type":"int"}]}""";

    static final String STRING = "\"string\"";

    static final String NOT_AVRO = """
            {"type":"record","name":"Broken","fields":[{"name":"x","type":"no-such-type"}]}""";

    private Schemas() {
    }
}
