package io.github.clickstream.appliance.events.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The event files the appliance reads: public datasets people use, and its own JSON lines. Each CSV
 * format owns the adapter that maps its rows onto the canonical event; {@link #open(Path)} and
 * {@link DatasetLines} are the ways in.
 */
public enum DatasetFormat {
    /** Alibaba Taobao UserBehavior ({@code user,item,category,behavior,ts}, no header). */
    TAOBAO(new TaobaoAdapter()),
    /** REES46 multi-category store ({@code event_time,event_type,product_id,...}). */
    REES46(new Rees46Adapter()),
    /** RetailRocket {@code events.csv} ({@code timestamp,visitorid,event,itemid,...}). */
    RETAILROCKET(new RetailRocketAdapter()),
    /** UCI Online Retail invoice lines ({@code InvoiceNo,StockCode,...}). */
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

    /** Streams the file's events (plain or gzip) with default limits and the system clock. */
    public DatasetReader open(Path file) throws IOException {
        return new DatasetReader(file, this);
    }

    /**
     * Accepts the command-line spelling: {@code online-retail} as well as {@code ONLINE_RETAIL}.
     */
    public static DatasetFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "Unknown format '"
                            + name
                            + "'; use taobao, rees46, retailrocket, online-retail or canonical");
        }
    }
}
