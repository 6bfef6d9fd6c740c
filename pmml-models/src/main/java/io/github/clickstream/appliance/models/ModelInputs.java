package io.github.clickstream.appliance.models;

import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataField;
import org.dmg.pmml.Value;
import org.dmg.pmml.clustering.Cluster;
import org.dmg.pmml.clustering.ClusteringModel;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.TargetField;

/** What a model reads and predicts, as its PMML names them. */
public final class ModelInputs {

    private ModelInputs() {}

    /** The model's input fields, in MiningSchema order. */
    public static List<String> names(LoadedModel loaded) {
        return loaded.evaluator().getInputFields().stream().map(InputField::getName).toList();
    }

    /**
     * The class whose probability a binary classifier reports: "1" or "true" if the target declares
     * it, otherwise its last declared value.
     */
    public static String positiveCategory(LoadedModel loaded) {
        TargetField target = loaded.evaluator().getTargetFields().get(0);
        DataField field = target.getField();
        if (field == null || !field.hasValues()) {
            return "1";
        }
        List<String> values = new ArrayList<>();
        for (Value value : field.getValues()) {
            if (value.getProperty() == Value.Property.VALID) {
                values.add(String.valueOf(value.requireValue()));
            }
        }
        for (String preferred : List.of("1", "true", "True")) {
            if (values.contains(preferred)) {
                return preferred;
            }
        }
        return values.isEmpty() ? "1" : values.get(values.size() - 1);
    }

    /** Each cluster's id as jpmml reports it: its {@code id}, else its 1-based position. */
    public static List<String> clusterIds(ClusteringModel model) {
        List<String> ids = new ArrayList<>();
        List<Cluster> clusters = model.requireClusters();
        for (int i = 0; i < clusters.size(); i++) {
            Object id = clusters.get(i).getId();
            ids.add(id == null ? String.valueOf(i + 1) : id.toString());
        }
        return ids;
    }

    /** Each cluster's name, falling back to its id. */
    public static List<String> clusterNames(ClusteringModel model) {
        List<String> ids = clusterIds(model);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String name = model.requireClusters().get(i).getName();
            names.add(name == null || name.isBlank() ? ids.get(i) : name);
        }
        return names;
    }
}
