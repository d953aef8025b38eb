package io.synapse.plugins.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The framework version this command line was built with (and the versions `new` writes into poms). */
public final class CliVersion implements IVersionProvider {
  private static final Properties PROPERTIES = load();

  /** The framework version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  /** The jakarta.validation-api version plugins compile against. */
  public static String jakartaValidationVersion() {
    return PROPERTIES.getProperty("jakarta.validation.version", "3.1.1");
  }

  /** The JUnit version generated projects test with. */
  public static String junitVersion() {
    return PROPERTIES.getProperty("junit.version", "5.14.4");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "synapse " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = CliVersion.class.getResourceAsStream("cli-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
