package io.github.clickstream.appliance.bench;

/**
 * What every benchmark of a run shares: how many rounds, whether the run is the short one, and one
 * Elasticsearch node, started when the first benchmark needs it and emptied for each next one.
 */
final class BenchContext implements AutoCloseable {

    private final boolean quick;
    private final int rounds;
    private BenchElasticsearch elasticsearch;

    BenchContext(boolean quick, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("need at least one round, got " + rounds);
        }
        this.quick = quick;
        this.rounds = rounds;
    }

    boolean quick() {
        return quick;
    }

    int rounds() {
        return rounds;
    }

    /** The shared node, empty but for the applied templates and aliased indices. */
    BenchElasticsearch freshElasticsearch() throws Exception {
        if (elasticsearch == null) {
            elasticsearch = BenchElasticsearch.start();
        } else {
            elasticsearch.reset();
        }
        return elasticsearch;
    }

    @Override
    public void close() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }
}
