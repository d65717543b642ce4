package io.scenelog.edge.registry;

import io.scenelog.testkit.UniqueNames;

/** Schema texts and subject names the registry integration tests share. */
final class RegistrySchemas {

    static final String USER_V1 = """
            {"type":"record","name":"User","namespace":"io.scenelog.it",
             "fields":[{"name":"name","type":"string"}]}""";

    /** USER_V1 with other whitespace and key order: the same schema. */
    static final String USER_V1_REFORMATTED = """
            {
              "fields" : [ { "type" : "string", "name" : "name" } ],
              "type" : "record",   "namespace" : "io.scenelog.it",
              "name" : "User"
            }""";

    /** Adds a field with a default: compatible with V1 both ways. */
    static final String USER_V2 = """
            {"type":"record","name":"User","namespace":"io.scenelog.it",
             "fields":[{"name":"name","type":"string"},{"name":"age","type":"int","default":0}]}""";

    /** Adds a field without a default: not backward compatible with V1. */
    static final String USER_WITH_EMAIL = """
            {"type":"record","name":"User","namespace":"io.scenelog.it",
             "fields":[{"name":"name","type":"string"},{"name":"email","type":"string"}]}""";

    private RegistrySchemas() {
    }

    /** A subject no other test uses (the broker and its {@code _schemas} are shared). */
    static String subject() {
        return UniqueNames.topic("registry-it") + "-value";
    }

    /** A schema unlike any other test's, so it gets its own id. */
    static String uniqueRecord() {
        String name = "R" + UniqueNames.topic("r").replaceAll("[^A-Za-z0-9]", "_");
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.scenelog.it\","
                + "\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}";
    }
}
