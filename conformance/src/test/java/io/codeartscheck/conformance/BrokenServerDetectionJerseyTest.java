package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeartscheck.emulator.Emulator;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.ext.WriterInterceptor;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Breaking the server is visible: the emulator is broken on purpose in the ways a real
 * implementation could go wrong, and the suite's own cases catch each, with the validator's
 * message in the report.
 */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class BrokenServerDetectionJerseyTest {

  static final SpecValidator SPEC = SpecValidator.fromClasspath();

  private Emulator server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void httpStatusSentAsAnInteger_isCaught() {
    ConformanceRunner runner = brokenBy(rewritingBodies(body -> body.replace("\"httpStatus\":\"OK\"", "\"httpStatus\":200")));

    assertThatThrownBy(() -> runner.runRaw(theCase("refresh-docs-example")))
        .hasMessageContaining("server-side spec: validation.response.body.schema.type: [Path '/httpStatus'] "
            + "Instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])")
        .hasMessageContaining("client-side spec: validation.response.body.schema.type: [Path '/httpStatus']");
  }

  @Test
  void reportWithoutComfirm_isCaught() {
    ConformanceRunner runner = brokenBy(rewritingBodies(body -> body.replace("\"COMFIRM\":0,", "")));

    assertThatThrownBy(() -> runner.runRaw(theCase("refresh-docs-example")))
        .hasMessageContaining("validation.response.body.schema.required: [Path '/result'] "
            + "Object has missing required properties ([\"COMFIRM\"])");
  }

  @Test
  void stopAnsweredWith204_isCaught() {
    ConformanceRunner runner = brokenBy(context -> {
      context.register((ContainerResponseFilter) (request, response) -> {
        if (request.getUriInfo().getPath().endsWith("/stop") && response.getStatus() == 200) {
          response.setStatus(204);
          response.setEntity(null);
        }
      }, 2);
      return true;
    });

    assertThatThrownBy(() -> runner.runRaw(theCase("stop-docs-example")))
        .hasMessageContaining("status 204, expected 200")
        .hasMessageContaining("validation.response.status.unknown: Response status 204 not defined for path "
            + "'/v2/tasks/{task_id}/stop'.");
  }

  @Test
  void unknownTaskAnsweredWithAnUndeclared404_isCaught() {
    ConformanceRunner runner = brokenBy(context -> {
      context.register((ContainerResponseFilter) (request, response) -> {
        if (response.getStatus() == 400) {
          response.setStatus(404);
        }
      }, 2);
      return true;
    });

    assertThatThrownBy(() -> runner.runRaw(theCase("taskcron-task-id-length-1")))
        .hasMessageContaining("status 404, expected 400")
        .hasMessageContaining("validation.response.status.unknown: Response status 404 not defined for path "
            + "'/v1/tasks/{task_id}/taskcron'.");
  }

  @Test
  void theSameServerUnbroken_passesTheSameCases() {
    ConformanceRunner runner = brokenBy(context -> true);

    for (String name : new String[] {"refresh-docs-example", "stop-docs-example", "taskcron-task-id-length-1"}) {
      runner.runRaw(theCase(name));
    }
  }

  /** A feature that rewrites every response body the server writes. */
  static Feature rewritingBodies(UnaryOperator<String> rewrite) {
    @Priority(2)
    class Rewriter implements WriterInterceptor {
      @Override
      public void aroundWriteTo(jakarta.ws.rs.ext.WriterInterceptorContext context) throws java.io.IOException {
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        context.proceed();
        original.write(rewrite.apply(buffer.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        context.setOutputStream(original);
      }
    }
    return context -> {
      context.register(new Rewriter());
      return true;
    };
  }

  private ConformanceRunner brokenBy(Feature breakage) {
    EmulatorTarget target = new EmulatorTarget(SPEC, breakage);
    try {
      server = target.startEmulator();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new ConformanceRunner(target, SPEC);
  }

  private static ConformanceCase theCase(String name) {
    return AbstractConformanceSuite.cases().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no case " + name));
  }
}
