package io.github.clickstream.appliance.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

/**
 * Sends a {@code _bulk} request as one body with a Content-Length, and reads the answer with the
 * client's own {@link BulkResponse} deserializer. The typed client would send every NDJSON line as
 * its own HTTP chunk (elasticsearch-java issue 1339), which cost a third of the ingest rate.
 */
final class BulkTransport {

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    private final RestClient rest;
    private final JsonpMapper mapper;

    BulkTransport(ElasticsearchClient client) {
        this.rest = ((RestClientTransport) client._transport()).restClient();
        this.mapper = client._jsonpMapper();
    }

    /**
     * Throws an {@link IOException} (a {@link org.elasticsearch.client.ResponseException} for an
     * error status of the whole request) when the request as a whole failed.
     */
    BulkResponse send(List<DocumentWrite> writes) throws IOException {
        Request request = new Request("POST", "/_bulk");
        request.setEntity(new ByteArrayEntity(BulkBody.of(writes), NDJSON));
        Response response = rest.performRequest(request);
        try (InputStream in = response.getEntity().getContent();
                JsonParser parser = mapper.jsonProvider().createParser(in)) {
            return BulkResponse._DESERIALIZER.deserialize(parser, mapper);
        }
    }
}
