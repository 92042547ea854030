package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: without it on the class path both clients work, and
 * no class of it, nor the client's adapter to it, is ever loaded. The calls run in a child JVM
 * started with this test's class path minus every Micrometer jar, logging each class it loads.
 */
class NoMicrometerTest {
  @Test
  void withoutMicrometer_bothClientsWork_andNothingOfMicrometerIsLoaded() throws Exception {
    List<String> entries = Arrays.asList(
        System.getProperty("java.class.path").split(File.pathSeparator));
    List<String> withoutMicrometer = entries.stream()
        .filter(entry -> !entry.contains("micrometer")).collect(Collectors.toList());
    assertThat(withoutMicrometer).as("Micrometer is on this test's class path")
        .hasSizeLessThan(entries.size());
    Process probe = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:stdout", "-cp", String.join(File.pathSeparator, withoutMicrometer),
        NoMicrometerProbe.class.getName())
        .redirectErrorStream(true).start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = probe.waitFor(60, TimeUnit.SECONDS);

    assertThat(ended).isTrue();
    List<String> loaded = output.lines().filter(line -> line.contains("[class,load]"))
        .collect(Collectors.toList());
    assertThat(output).as("the probe's output").contains("calls done");
    assertThat(probe.exitValue()).isZero();
    assertThat(loaded).as("classes loaded").anyMatch(line -> line.contains(
        "io.codeartscheck.client.internal.CallMetrics"));
    assertThat(loaded).as("classes of Micrometer, or of the client's adapter to it")
        .noneMatch(line -> line.contains("] io.micrometer.")
            || line.contains("io.codeartscheck.client.internal.MicrometerCallMetrics"));
  }
}
