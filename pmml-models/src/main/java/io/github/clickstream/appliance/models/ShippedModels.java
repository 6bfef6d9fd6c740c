package io.github.clickstream.appliance.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The models that ship in this module ({@code models/*.pmml} on the classpath). */
public final class ShippedModels {

    private ShippedModels() {}

    public static byte[] pmml(ModelSlot slot) {
        String resource = "/models/" + slot.key() + ".pmml";
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Deploys all three through the same checks as any update. */
    public static ModelSet deploy(ModelDeployer deployer) throws ModelRejectedException {
        List<DeployedModel> models = new ArrayList<>();
        for (ModelSlot slot : ModelSlot.values()) {
            models.add(deployer.deploy(slot, pmml(slot)));
        }
        return ModelSet.of(models);
    }
}
