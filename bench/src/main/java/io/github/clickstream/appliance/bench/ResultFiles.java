package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's figures as {@code latest.md} (the table and the machine) and {@code latest.json}
 * (every round of every figure, so the medians can be checked) into the results folder.
 */
final class ResultFiles {

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {}

    static void write(
            Path folder,
            String command,
            MachineDescription machine,
            List<Figure> figures,
            Map<String, String> failures)
            throws IOException {
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve("latest.md"), markdown(command, machine, figures, failures));
        Files.writeString(folder.resolve("latest.json"), json(command, machine, figures, failures));
    }

    private static String markdown(
            String command,
            MachineDescription machine,
            List<Figure> figures,
            Map<String, String> failures) {
        StringBuilder md = new StringBuilder("# Latest benchmark run\n\n");
        md.append("`").append(command).append("` on ").append(machine.oneLine()).append(".\n\n");
        md.append(
                "Ours and the baseline ran interleaved in the same rounds; medians over the rounds,"
                        + " ratio = ours / baseline. bench/README.md explains each figure.\n\n");
        md.append(ResultsTable.markdown(figures));
        failures.forEach(
                (benchmark, error) ->
                        md.append("\n**")
                                .append(benchmark)
                                .append(" failed:** ")
                                .append(error)
                                .append('\n'));
        return md.toString();
    }

    private static String json(
            String command,
            MachineDescription machine,
            List<Figure> figures,
            Map<String, String> failures)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", command);
        root.set("machine", JSON.valueToTree(machine));
        ArrayNode list = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode node = list.addObject();
            node.put("benchmark", f.benchmark());
            node.put("figure", f.name());
            node.put("unit", f.unit());
            node.put("ours", f.oursLabel());
            node.put("baseline", f.baselineLabel());
            node.set("oursRounds", JSON.valueToTree(f.ours()));
            node.set("baselineRounds", JSON.valueToTree(f.baseline()));
            putNumber(node, "oursMedian", f.oursMedian());
            putNumber(node, "baselineMedian", f.baselineMedian());
            putNumber(node, "ratio", f.ratio());
            node.put("goal", f.goal().text());
            Boolean met = f.met();
            if (met == null) {
                node.putNull("met");
            } else {
                node.put("met", met);
            }
        }
        root.set("failures", JSON.valueToTree(failures));
        return JSON.writeValueAsString(root) + "\n";
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
