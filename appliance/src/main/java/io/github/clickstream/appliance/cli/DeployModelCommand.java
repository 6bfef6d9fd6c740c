package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.features.ModelFeatures;
import io.github.clickstream.appliance.jobs.JobConfig;
import io.github.clickstream.appliance.models.DeployedModel;
import io.github.clickstream.appliance.models.GoldenSet;
import io.github.clickstream.appliance.models.ModelDeployer;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.models.ModelRejectedException;
import io.github.clickstream.appliance.models.ModelSlot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Hot-swaps a model in the running job: checks the file here with the same checks the job runs (so
 * a bad file is refused before it travels), then publishes it to the models topic, which every
 * scoring task reads and validates again.
 */
@Command(
        name = "deploy-model",
        mixinStandardHelpOptions = true,
        description =
                "Check a PMML model and publish it to the running job's models topic, replacing"
                        + " the model in --slot without a restart.")
final class DeployModelCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--slot",
            required = true,
            description = "purchase_propensity, churn_risk or segment")
    String slot;

    @Option(names = "--file", required = true, description = "The PMML file")
    Path file;

    @Mixin KafkaBootstrapOption kafka = new KafkaBootstrapOption();

    @Option(
            names = "--topic",
            defaultValue = JobConfig.DEFAULT_MODELS_TOPIC,
            description = "The job's models topic. Default: ${DEFAULT-VALUE}")
    String topic;

    @Override
    public Integer call() throws Exception {
        ModelSlot target;
        try {
            target = ModelSlot.parse(slot);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "Cannot read --file " + file);
        }
        if (Files.size(file) > ModelLimits.DEFAULTS.maxBytes()) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "Refused: %s is larger than %,d bytes%n",
                            file, ModelLimits.DEFAULTS.maxBytes());
            return 1;
        }
        byte[] document = Files.readAllBytes(file);
        DeployedModel model;
        try {
            model =
                    new ModelDeployer(
                                    ModelFeatures.NAMES,
                                    GoldenSet.shipped(ModelFeatures.NAMES),
                                    ModelLimits.DEFAULTS)
                            .deploy(target, document);
        } catch (ModelRejectedException e) {
            spec.commandLine().getErr().println("Refused, nothing published: " + e.getMessage());
            return 1;
        }
        publish(target, document);
        spec.commandLine()
                .getOut()
                .printf(
                        "Published %s to topic %s; the job scores %s with it once its tasks"
                                + " have checked it too.%n",
                        model.label(), topic, target.key());
        return 0;
    }

    private void publish(ModelSlot target, byte[] document) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.servers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ModelLimits.DEFAULTS.maxBytes() + 4096);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    topic, target.key().getBytes(StandardCharsets.UTF_8), document))
                    .get();
        }
    }
}
