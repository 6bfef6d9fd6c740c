package io.github.clickstream.appliance.events.datasets;

/** The event files the appliance reads: public datasets people use, and its own JSON lines. */
public enum DatasetFormat {
    TAOBAO(new TaobaoAdapter()),
    REES46(new Rees46Adapter()),
    RETAILROCKET(new RetailRocketAdapter()),
    ONLINE_RETAIL(new OnlineRetailAdapter()),
    /** Newline-delimited JSON in the wire format of the {@code clickstream} topic. */
    CANONICAL(null);

    private final RowAdapter adapter;

    DatasetFormat(RowAdapter adapter) {
        this.adapter = adapter;
    }

    RowAdapter adapter() {
        return adapter;
    }

    /**
     * Accepts the command-line spelling: {@code online-retail} as well as {@code ONLINE_RETAIL}.
     */
    public static DatasetFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown format '"
                            + name
                            + "'; use taobao, rees46, retailrocket, online-retail or canonical");
        }
    }
}
