package io.github.clickstream.appliance.models;

import java.util.Arrays;

/**
 * Hostile or broken variants of a genuine PMML document, for the tests that prove each is refused
 * (here, and in the job's hot-swap and reliability tests through this module's test jar).
 */
public final class HostileDocuments {

    private HostileDocuments() {}

    /** An entity that reads /etc/passwd into the header. */
    public static String xxe(String pmml) {
        return withDoctype(
                "<!DOCTYPE PMML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                pmml.replaceFirst("<Header ", "<Header copyright=\"&xxe;\" "));
    }

    /** Ten levels of ten-fold entity expansion: a billion "lol"s. */
    public static String billionLaughs(String pmml) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE PMML [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        return withDoctype(
                doctype.toString(), pmml.replaceFirst("<Header ", "<Header copyright=\"&lol9;\" "));
    }

    /** A DTD fetched from the network. */
    public static String externalDtd(String pmml) {
        return withDoctype("<!DOCTYPE PMML SYSTEM \"http://127.0.0.1:9/evil.dtd\">", pmml);
    }

    public static String deeplyNested(String pmml, int levels) {
        return pmml.replaceFirst(
                "<Header ([^>]*)>",
                "<Header $1>"
                        + "<Extension name=\"x\">".repeat(levels)
                        + "</Extension>".repeat(levels));
    }

    /** The document padded with a comment to {@code bytes} more bytes. */
    public static String padded(String pmml, int bytes) {
        char[] padding = new char[bytes];
        Arrays.fill(padding, ' ');
        return pmml.replaceFirst("</PMML>", "<!--" + new String(padding) + "--></PMML>");
    }

    /** The first {@code Apply} calls a Java class instead of a PMML function. */
    public static String applyNamingAClass(String pmml) {
        return pmml.replaceFirst("function=\"/\"", "function=\"java.lang.Runtime\"");
    }

    /** The first coefficient changed, so the model no longer matches its verification records. */
    public static String tamperedCoefficient(String pmml) {
        return pmml.replaceFirst(
                "(<NumericPredictor name=\"[^\"]+\" coefficient=\")[^\"]+\"", "$10.5\"");
    }

    /** Reads {@code tenure_months}, a feature the pipeline does not produce. */
    public static String unknownInput(String pmml) {
        return pmml.replace("tenure_days", "tenure_months");
    }

    public static String truncated(String pmml) {
        return pmml.substring(0, pmml.length() / 2);
    }

    public static String withVersion(String pmml, String version) {
        return pmml.replaceFirst("modelVersion=\"[^\"]*\"", "modelVersion=\"" + version + "\"");
    }

    private static String withDoctype(String doctype, String document) {
        int afterDeclaration = document.indexOf("?>") + 2;
        return document.substring(0, afterDeclaration)
                + "\n"
                + doctype
                + document.substring(afterDeclaration);
    }
}
