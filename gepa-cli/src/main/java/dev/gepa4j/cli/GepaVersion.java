package dev.gepa4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code gepa --version}: the project version the build wrote into {@code gepa-version.properties} (Maven resource
 * filtering), so the answer always matches the pom, snapshot suffix included.
 */
final class GepaVersion implements IVersionProvider {
    static final String RESOURCE = "/dev/gepa4j/cli/gepa-version.properties";

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    static String version() {
        try (InputStream in = GepaVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gepa4j " + version() + " (Java " + Runtime.version() + ")"};
    }
}
