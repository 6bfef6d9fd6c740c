package io.github.clickstream.appliance.models;

import io.github.clickstream.appliance.models.ModelRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.dmg.pmml.Header;
import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;

/**
 * Loads a PMML document the safe way: {@link PmmlPreflight} (size, depth, no DOCTYPE), jpmml's
 * hardened JAXB parser, the built-in-functions check, then the model's own verification records.
 * Anything that fails is a {@link ModelRejectedException} naming the check.
 */
public final class ModelLoader {

    private final ModelLimits limits;

    public ModelLoader(ModelLimits limits) {
        this.limits = limits;
    }

    public LoadedModel load(byte[] document) throws ModelRejectedException {
        PmmlPreflight.check(document, limits);
        LoadingModelEvaluatorBuilder builder = new LoadingModelEvaluatorBuilder();
        try {
            builder.load(new ByteArrayInputStream(document));
        } catch (Exception e) {
            throw new ModelRejectedException(
                    Reason.INVALID_PMML, "not a PMML document: " + describe(e), e);
        }
        PMML pmml = builder.getPMML();
        BuiltinFunctions.check(pmml);
        Evaluator evaluator;
        try {
            evaluator = builder.build();
        } catch (RuntimeException e) {
            throw new ModelRejectedException(
                    Reason.INVALID_PMML, "jpmml cannot evaluate it: " + describe(e), e);
        }
        try {
            evaluator.verify();
        } catch (RuntimeException e) {
            throw new ModelRejectedException(
                    Reason.VERIFICATION_FAILED,
                    "the model's verification records disagree with its scores: " + describe(e),
                    e);
        }
        Model model = builder.getModel();
        return new LoadedModel(pmml, model, evaluator, nameOf(model), versionOf(pmml, document));
    }

    private static String nameOf(Model model) {
        String name = model.getModelName();
        return name == null || name.isBlank() ? "unnamed" : name;
    }

    private static String versionOf(PMML pmml, byte[] document) {
        Header header = pmml.getHeader();
        if (header != null && header.getModelVersion() != null) {
            return header.getModelVersion();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document);
            return "sha256-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
