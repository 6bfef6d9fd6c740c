package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.javalin.Javalin;
import java.io.IOException;

/** A started search API: its bound port, and close() to stop it and its Elasticsearch client. */
public final class RunningSearchApi implements AutoCloseable {

    private final Javalin app;
    private final ElasticsearchClient client;
    private final String host;

    RunningSearchApi(Javalin app, ElasticsearchClient client, String host) {
        this.app = app;
        this.client = client;
        this.host = host;
    }

    /** The port actually bound, also when the config asked for port 0. */
    public int port() {
        return app.port();
    }

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String reachable = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + reachable + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
        try {
            client.close();
        } catch (IOException e) {
            // The transport is closing anyway; nothing is lost.
        }
    }
}
