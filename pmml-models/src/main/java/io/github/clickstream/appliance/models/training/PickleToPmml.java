package io.github.clickstream.appliance.models.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dmg.pmml.PMML;
import org.jpmml.model.metro.MetroJAXBSerializer;
import org.jpmml.python.PickleUtil;
import org.jpmml.python.Storage;
import org.jpmml.python.StorageUtil;
import org.jpmml.sklearn.Encodable;
import org.jpmml.sklearn.EncodableUtil;

/** Converts a pickled scikit-learn estimator or pipeline into a PMML document (jpmml-sklearn). */
public final class PickleToPmml {

    private static boolean initialised;

    private PickleToPmml() {}

    public static synchronized PMML convert(Path pickle) throws IOException {
        if (!initialised) {
            ClassLoader loader = PickleToPmml.class.getClassLoader();
            PickleUtil.init(loader, "python2pmml.properties");
            PickleUtil.init(loader, "sklearn2pmml.properties");
            initialised = true;
        }
        Object estimator;
        try (Storage storage = StorageUtil.createStorage(pickle.toFile())) {
            estimator = PickleUtil.unpickle(storage);
        }
        Encodable encodable = EncodableUtil.toEncodable(estimator);
        return encodable.encodePMML();
    }

    public static void write(PMML pmml, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            new MetroJAXBSerializer().serializePretty(pmml, out);
        } catch (jakarta.xml.bind.JAXBException e) {
            throw new IOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
