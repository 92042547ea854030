package io.codeartscheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The case files that ship in this module's jar, under {@value #DIRECTORY}: listed from the jar (or
 * the classes folder) this class was loaded from, read through the class loader.
 */
final class CaseFiles {

  /** Where the case files are on the classpath. */
  static final String DIRECTORY = "io/codeartscheck/conformance/cases/";

  /** One case file: its name (without {@code .json}) and its JSON tree, placeholders unresolved. */
  record CaseFile(String name, JsonNode tree) {
    /** The case with fresh values for its placeholders. */
    ConformanceCase fresh(Placeholders ids) {
      return ConformanceCase.read(name, ids.applyTo(tree));
    }
  }

  private static final List<CaseFile> ALL = load();

  private CaseFiles() {
  }

  /** Every case file, sorted by name; each has been checked by reading it once. */
  static List<CaseFile> all() {
    return ALL;
  }

  /** The case file called {@code name}. */
  static CaseFile named(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no case " + name));
  }

  private static List<CaseFile> load() {
    List<CaseFile> cases = new ArrayList<>();
    for (String name : names()) {
      String resource = DIRECTORY + name + ".json";
      try (InputStream in = CaseFiles.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is listed but cannot be read");
        }
        CaseFile file = new CaseFile(name, ConformanceCase.JSON.readTree(in));
        ConformanceCase.read(name, file.tree());   // fails fast, naming the case, on a bad file
        Placeholders.of(file.tree());               // and on a bad placeholder
        cases.add(file);
      } catch (IOException e) {
        throw new UncheckedIOException("case " + name + " cannot be read", e);
      }
    }
    if (cases.isEmpty()) {
      throw new IllegalStateException("no case files under " + DIRECTORY + " next to " + CaseFiles.class);
    }
    return List.copyOf(cases);
  }

  /** The names of the case files, from the jar or folder this class comes from. */
  private static TreeSet<String> names() {
    CodeSource source = CaseFiles.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot tell where " + CaseFiles.class + " was loaded from");
    }
    TreeSet<String> names = new TreeSet<>();
    try {
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.list(location.resolve(DIRECTORY))) {
          files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
              .forEach(f -> names.add(f.substring(0, f.length() - ".json".length())));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(DIRECTORY) && entry.endsWith(".json") && entry.indexOf('/', DIRECTORY.length()) < 0) {
              names.add(entry.substring(DIRECTORY.length(), entry.length() - ".json".length()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + DIRECTORY + " in " + source.getLocation(), e);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot list " + DIRECTORY + " in " + source.getLocation(), e);
    }
    return names;
  }
}
