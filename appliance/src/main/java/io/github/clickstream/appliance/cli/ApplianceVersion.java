package io.github.clickstream.appliance.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest (unknown when run from classes). */
final class ApplianceVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ApplianceCli.class.getPackage().getImplementationVersion();
        return new String[] {"appliance " + (version == null ? "(development build)" : version)};
    }
}
