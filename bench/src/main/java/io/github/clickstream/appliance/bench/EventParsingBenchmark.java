package io.github.clickstream.appliance.bench;

import com.dslplatform.json.DslJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.ClickEventParser;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Events parsed per second on one thread, cycling through a few thousand generated events as JSON
 * lines: the job's {@link ClickEventParser} (streaming Jackson with UTF-8 check, validation and ISO
 * timestamp parsing, into a {@link ClickEvent}) against Jackson databind and DSL-JSON reading the
 * same bytes into a plain record without any checks. {@link EventParsingReport} runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EventParsingBenchmark {

    static final int EVENTS = 5_000;

    private final ClickEventParser ours = new ClickEventParser();
    private final ObjectReader jackson =
            new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readerFor(JacksonEvent.class);
    private final DslJson<Object> dslJson =
            new DslJson<>(new DslJson.Settings<>().includeServiceLoader());

    private RawEvent[] raw;
    private int next;

    @Setup
    public void setUp() throws IOException {
        raw = generatedEvents().toArray(RawEvent[]::new);
        checkAllAgree();
    }

    @Benchmark
    public ParseResult ours() {
        return ours.parse(nextEvent());
    }

    @Benchmark
    public JacksonEvent jacksonDatabind() throws IOException {
        return jackson.readValue(nextEvent().payload());
    }

    @Benchmark
    public DslJsonEvent dslJson() throws IOException {
        byte[] payload = nextEvent().payload();
        return dslJson.deserialize(DslJsonEvent.class, payload, payload.length);
    }

    private RawEvent nextEvent() {
        RawEvent event = raw[next];
        next = next + 1 == raw.length ? 0 : next + 1;
        return event;
    }

    /** The first {@link #EVENTS} events of a small generated shop, as the job receives them. */
    static List<RawEvent> generatedEvents() {
        ClickstreamGenerator generator =
                new ClickstreamGenerator(
                        new GeneratorConfig(500, 2_000, 7, 1, GeneratorConfig.DEFAULT_START));
        List<RawEvent> events = new ArrayList<>();
        while (events.size() < EVENTS && generator.hasNext()) {
            events.add(
                    new RawEvent(
                            ClickEventJson.toJson(generator.next()),
                            "bench@" + events.size(),
                            System.currentTimeMillis()));
        }
        return events;
    }

    /** A baseline only counts if it reads the same events: every field, on every event. */
    private void checkAllAgree() throws IOException {
        for (RawEvent event : raw) {
            ParseResult parsed = ours.parse(event);
            if (!parsed.valid()) {
                throw new IllegalStateException(
                        "our parser rejected a generated event: " + parsed.deadLetter());
            }
            ClickEvent e = parsed.event();
            JacksonEvent j = jackson.readValue(event.payload());
            DslJsonEvent d =
                    dslJson.deserialize(
                            DslJsonEvent.class, event.payload(), event.payload().length);
            List<Object> expected = fields(e);
            List<Object> viaJackson =
                    List.of(
                            String.valueOf(j.eventId()), String.valueOf(j.userId()),
                            String.valueOf(j.eventType()), String.valueOf(j.itemId()),
                            String.valueOf(j.price()), String.valueOf(j.quantity()),
                            String.valueOf(j.query()), Instant.parse(j.ts()).toEpochMilli());
            List<Object> viaDslJson =
                    List.of(
                            String.valueOf(d.eventId()), String.valueOf(d.userId()),
                            String.valueOf(d.eventType()), String.valueOf(d.itemId()),
                            String.valueOf(d.price()), String.valueOf(d.quantity()),
                            String.valueOf(d.query()), Instant.parse(d.ts()).toEpochMilli());
            if (!expected.equals(viaJackson) || !expected.equals(viaDslJson)) {
                throw new IllegalStateException(
                        "parsers disagree on %s: ours %s, Jackson %s, DSL-JSON %s"
                                .formatted(
                                        new String(event.payload()),
                                        expected,
                                        viaJackson,
                                        viaDslJson));
            }
        }
    }

    private static List<Object> fields(ClickEvent e) {
        return List.of(
                String.valueOf(e.eventId()), String.valueOf(e.userId()),
                e.eventType().wireName(), String.valueOf(e.itemId()),
                String.valueOf(e.price()), String.valueOf(e.quantity()),
                String.valueOf(e.query()), e.timestamp());
    }
}
