package io.github.clickstream.appliance.models.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.models.CsvTable;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.models.ModelLoader;
import io.github.clickstream.appliance.models.ModelRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.DataField;
import org.dmg.pmml.Header;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.dmg.pmml.VerificationField;
import org.dmg.pmml.clustering.Cluster;
import org.dmg.pmml.clustering.ClusteringModel;
import org.jpmml.converter.ModelUtil;

/**
 * Turns what {@code train.py} wrote (pickles, metrics, holdouts, segment labels) into deployable
 * PMML: converted by jpmml-sklearn, the target named after its label, model name and version in the
 * document, cluster names from the segment labels, verification records from scikit-learn's own
 * holdout predictions, then loaded back through {@link ModelLoader} (which runs them) and described
 * by a model card.
 */
public final class ModelPackager {

    /** The models train.py writes, by the names their scores go by. */
    public static final List<String> MODELS =
            List.of("purchase_propensity", "churn_risk", "segment");

    static final int VERIFICATION_ROWS = 20;
    private static final double VERIFICATION_PRECISION = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelPackager() {}

    /** Packages every model from {@code trainingOutput} into {@code target}; returns the files. */
    public static List<Path> packageAll(Path trainingOutput, Path target, String version)
            throws IOException, ModelRejectedException {
        Files.createDirectories(target);
        List<Path> written = new ArrayList<>();
        for (String name : MODELS) {
            written.addAll(packageOne(trainingOutput, target, name, version));
        }
        for (String file : List.of("segment_labels.json", "golden_features.csv")) {
            written.add(
                    Files.copy(
                            trainingOutput.resolve(file),
                            target.resolve(file),
                            StandardCopyOption.REPLACE_EXISTING));
        }
        return written;
    }

    private static List<Path> packageOne(Path in, Path target, String name, String version)
            throws IOException, ModelRejectedException {
        JsonNode metrics = JSON.readTree(in.resolve(name + ".metrics.json").toFile());
        CsvTable holdout = CsvTable.read(in.resolve(name + ".holdout.csv"));
        PMML pmml = PickleToPmml.convert(in.resolve(name + ".pkl"));
        Model model = pmml.getModels().get(0);
        model.setModelName(name);
        pmml.setHeader(header(pmml.getHeader(), name, version, metrics));
        JsonNode label = metrics.get("label");
        if (label != null && !label.isNull()) {
            renameTarget(pmml, model, label.asText());
        }
        if (model instanceof ClusteringModel clustering) {
            nameClusters(clustering, JSON.readTree(in.resolve("segment_labels.json").toFile()));
        }
        List<String> features = new ArrayList<>();
        metrics.get("features").forEach(f -> features.add(f.asText()));
        model.setModelVerification(verification(holdout, features, model));

        Path pmmlFile = target.resolve(name + ".pmml");
        PickleToPmml.write(pmml, pmmlFile);
        new ModelLoader(ModelLimits.DEFAULTS).load(Files.readAllBytes(pmmlFile));
        Path holdoutFile =
                Files.copy(
                        in.resolve(name + ".holdout.csv"),
                        target.resolve(name + ".holdout.csv"),
                        StandardCopyOption.REPLACE_EXISTING);
        Path card = target.resolve(name + ".md");
        Files.writeString(card, ModelCard.render(name, version, metrics));
        return List.of(pmmlFile, holdoutFile, card);
    }

    private static Header header(Header converted, String name, String version, JsonNode metrics) {
        Header header = converted == null ? new Header() : converted;
        return header.setModelVersion(version)
                .setDescription(
                        name
                                + ": "
                                + metrics.path("algorithm").asText()
                                + " trained by the clickstream appliance on "
                                + metrics.path("training_table").path("file").asText()
                                + " (see "
                                + name
                                + ".md)");
    }

    private static void renameTarget(PMML pmml, Model model, String label) {
        for (DataField field : pmml.requireDataDictionary().getDataFields()) {
            if (field.requireName().equals("y")) {
                field.setName(label);
            }
        }
        for (MiningField field : model.requireMiningSchema().getMiningFields()) {
            if (field.requireName().equals("y")) {
                field.setName(label);
            }
        }
    }

    private static void nameClusters(ClusteringModel model, JsonNode segmentLabels) {
        JsonNode labels = segmentLabels.get("labels");
        for (Cluster cluster : model.requireClusters()) {
            JsonNode name = labels.get(String.valueOf(cluster.getId()));
            if (name != null) {
                cluster.setName(name.asText());
            }
        }
    }

    /** The first holdout rows, with scikit-learn's predictions as the expected outputs. */
    private static org.dmg.pmml.ModelVerification verification(
            CsvTable holdout, List<String> features, Model model) {
        List<Map<String, String>> rows =
                holdout.rows().subList(0, Math.min(VERIFICATION_ROWS, holdout.rows().size()));
        List<String> expected =
                model instanceof ClusteringModel ? List.of("cluster") : List.of("probability(1)");
        Map<VerificationField, List<?>> columns = new LinkedHashMap<>();
        for (String column : concat(features, expected)) {
            VerificationField field = ModelUtil.createVerificationField(column);
            if (expected.contains(column) && !column.equals("cluster")) {
                field.setPrecision(VERIFICATION_PRECISION);
            }
            columns.put(field, rows.stream().map(r -> cell(r.get(column))).toList());
        }
        return ModelUtil.createModelVerification(columns);
    }

    private static Object cell(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
