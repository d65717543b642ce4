package io.scenelog.streams.internal;

import io.scenelog.schemas.registry.CachingSchemaRegistryClient;
import io.scenelog.schemas.registry.HttpSchemaRegistryClient;
import io.scenelog.schemas.registry.InMemorySchemaRegistryClient;
import io.scenelog.schemas.registry.SchemaRegistryClient;
import io.scenelog.schemas.wire.AvroSerdeConfig;
import java.net.URI;

/** The schema registry client for a configured URL: HTTP with a cache, or a shared in-memory one for mock://. */
public final class RegistryClients {

    private RegistryClients() {
    }

    /** A client for {@code http(s)://host:port} or {@code mock://scope}. */
    public static SchemaRegistryClient forUrl(String url) {
        if (url.startsWith(AvroSerdeConfig.MOCK_URL_PREFIX)) {
            return InMemorySchemaRegistryClient.forScope(url.substring(AvroSerdeConfig.MOCK_URL_PREFIX.length()));
        }
        return new CachingSchemaRegistryClient(new HttpSchemaRegistryClient(URI.create(url)));
    }
}
