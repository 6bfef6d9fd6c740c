package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Generated events as JSON lines in a folder, one file per source reader so that every reader of a
 * parallel file source has work. A user's events all go to the same file, in time order, as a Kafka
 * topic keyed by user would deliver them. Written to disk rather than held in memory, so that the
 * heap measured while the job runs holds the job's state and not its input.
 */
record EventFiles(Path directory, long events, int activeUsers, int activeItems) {

    static EventFiles generate(Path directory, GeneratorConfig config, int files)
            throws IOException {
        Files.createDirectories(directory);
        OutputStream[] outs = new OutputStream[files];
        for (int f = 0; f < files; f++) {
            outs[f] =
                    new BufferedOutputStream(
                            Files.newOutputStream(directory.resolve("events-" + f + ".jsonl")));
        }
        Set<String> users = new HashSet<>();
        Set<String> items = new HashSet<>();
        long events = 0;
        try {
            ClickstreamGenerator generator = new ClickstreamGenerator(config);
            while (generator.hasNext()) {
                ClickEvent event = generator.next();
                OutputStream out = outs[Math.floorMod(event.userId().hashCode(), files)];
                out.write(ClickEventJson.toJson(event));
                out.write('\n');
                users.add(event.userId());
                if (event.itemId() != null) {
                    items.add(event.itemId());
                }
                events++;
            }
        } finally {
            for (OutputStream out : outs) {
                out.close();
            }
        }
        return new EventFiles(directory, events, users.size(), items.size());
    }
}
