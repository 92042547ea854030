package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeartscheck.emulator.Emulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client snippets of the root README, read from README.md itself (so the README and this
 * test cannot drift apart), run against a freshly started emulator (the same one
 * {@code java -jar emulator/target/codearts-check-emulator.jar} runs): each Java block of its
 * "Use the client" section is compiled as the body of a {@code main} method, with the one change
 * the README tells a reader to make for the emulator ({@code .region(Region.CN_NORTH_4)} becomes
 * {@code .endpoint(...)}), and run in a JVM with {@code CODEARTS_TOKEN} set.
 */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class ReadmeSnippetJerseyTest {
  private static final Path README = Path.of("../README.md");
  private static final String REGION = ".region(Region.CN_NORTH_4)";
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  static List<String> snippets() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Use the client");
    int end = readme.indexOf("\n## ", start + 1);
    assertThat(start).as("README.md has a 'Use the client' section").isPositive();
    List<String> blocks = new ArrayList<>();
    Matcher matcher = JAVA_BLOCK.matcher(readme.substring(start, end));
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  /** Compiles the snippet as a main method and runs it in a JVM of its own; returns its output. */
  private static String run(String snippet, String endpoint, Path work) throws Exception {
    assertThat(snippet.split(Pattern.quote(REGION), -1)).as("one %s in the snippet", REGION)
        .hasSize(2);
    String source = "import io.codeartscheck.client.*;\n"
        + "import io.codeartscheck.client.model.*;\n"
        + "import java.util.concurrent.CompletableFuture;\n"
        + "public class ReadmeSnippet {\n"
        + "  public static void main(String[] args) throws Exception {\n"
        + snippet.replace(REGION, ".endpoint(\"" + endpoint + "\")")
        + "  }\n}\n";
    Files.writeString(work.resolve("ReadmeSnippet.java"), source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("java.class.path");
    int compiled = javac.run(null, null, null, "-d", work.toString(), "-cp", classpath,
        work.resolve("ReadmeSnippet.java").toString());
    assertThat(compiled).as("the README snippet compiles:%n%s", source).isZero();
    ProcessBuilder java = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", work + File.pathSeparator + classpath, "ReadmeSnippet")
        .redirectErrorStream(true);
    java.environment().put("CODEARTS_TOKEN", "any-non-blank-token");
    Process process = java.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("the snippet ran; its output:%n%s", output).isZero();
    return output;
  }

  @Test
  void readme_hasTheSyncAndTheAsyncSnippet() throws Exception {
    assertThat(snippets()).hasSize(2);
    assertThat(snippets().get(0)).contains("CodeArtsCheckClient.builder()");
    assertThat(snippets().get(1)).contains("CodeArtsCheckAsyncClient.builder()");
  }

  @Test
  void readmeSyncSnippet_asPrinted_worksAgainstTheEmulator(@TempDir Path work) throws Exception {
    try (Emulator emulator = Emulator.builder().port(0).start()) {
      String output = run(snippets().get(0), emulator.uri().toString(), work);

      assertThat(output).contains("4 major, 0 critical; request id ");
      assertThat(output).doesNotContain("request id none");
      assertThat(emulator.state().taskStatus("2b31ed520xxxxxxebedb6e57xxxxxxxx")).isEqualTo("stopped");
    }
  }

  @Test
  void readmeAsyncSnippet_asPrinted_worksAgainstTheEmulator(@TempDir Path work) throws Exception {
    try (Emulator emulator = Emulator.builder().port(0).start()) {
      String output = run(snippets().get(1), emulator.uri().toString(), work);

      assertThat(output).contains("4 major, 0 critical; task stopped");
      assertThat(emulator.state().taskStatus("2b31ed520xxxxxxebedb6e57xxxxxxxx")).isEqualTo("stopped");
    }
  }
}
