package io.codeartscheck.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this client, as the build wrote it into {@code client.properties} (resource
 * filtering), so the default User-Agent names it whether the classes run from the jar or from a
 * build directory. Internal: not part of the client's API.
 */
public final class ClientVersion {
  /** The project version, e.g. {@code 1.0.0-SNAPSHOT}; {@code unknown} if the file is missing. */
  public static final String VERSION = load();

  private ClientVersion() {
  }

  private static String load() {
    try (InputStream in = ClientVersion.class.getResourceAsStream("client.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank() && !version.startsWith("${")) {
          return version.trim();
        }
      }
    } catch (IOException unreadable) {
      // fall through
    }
    return "unknown";
  }
}
