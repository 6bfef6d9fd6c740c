package io.github.clickstream.appliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void everyUserIsInOneFileInTimeOrderAndTheCountsAreThoseOfTheLines(@TempDir Path folder)
            throws Exception {
        EventFiles files =
                EventFiles.generate(folder.resolve("events"), GeneratorConfig.of(300, 50, 2, 7), 2);

        long lines = 0;
        Set<String> items = new HashSet<>();
        Map<String, Integer> fileOfUser = new HashMap<>();
        List<Integer> nonEmptyFiles = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            Instant previous = Instant.MIN;
            List<String> fileLines =
                    Files.readAllLines(files.directory().resolve("events-" + f + ".jsonl"));
            if (!fileLines.isEmpty()) {
                nonEmptyFiles.add(f);
            }
            for (String line : fileLines) {
                JacksonEvent event = JSON.readValue(line, JacksonEvent.class);
                assertThat(event.userId()).startsWith("user-");
                Instant time = Instant.parse(event.ts());
                assertThat(time).isAfterOrEqualTo(previous);
                previous = time;
                Integer earlier = fileOfUser.putIfAbsent(event.userId(), f);
                assertThat(earlier == null ? f : earlier).as(event.userId()).isEqualTo(f);
                if (event.itemId() != null) {
                    items.add(event.itemId());
                }
                lines++;
            }
        }
        assertThat(nonEmptyFiles).containsExactly(0, 1);
        assertThat(files.events()).isEqualTo(lines);
        assertThat(files.activeUsers()).isEqualTo(fileOfUser.size());
        assertThat(files.activeItems()).isEqualTo(items.size());
    }
}
