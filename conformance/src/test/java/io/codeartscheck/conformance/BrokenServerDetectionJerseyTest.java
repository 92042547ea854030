package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeartscheck.emulator.Emulator;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 * implementation could go wrong (a wrong wire type, a missing field, a wrong status, a validator
 * off by one or counting UTF-16 units, an error code outside the documented form), and the
 * suite's own cases catch each, with the message in the report; the unbroken emulator passes the
 * same cases.
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

    assertThatThrownBy(() -> runner.runRaw(theCase("taskcron-unknown-task")))
        .hasMessageContaining("status 404, expected 400")
        .hasMessageContaining("validation.response.status.unknown: Response status 404 not defined for path "
            + "'/v1/tasks/{task_id}/taskcron'.");
  }

  @Test
  void validatorOffByOneAtTheMaximum_failsTheLength32Cases_asRawHttpAndTyped() {
    ConformanceRunner runner = brokenBy(rejectingTaskIds(id -> id.codePointCount(0, id.length()) > 31, 31));

    for (String name : new String[] {"badge-task-id-length-32", "stop-task-id-length-32", "refresh-task-id-length-32"}) {
      assertThatThrownBy(() -> runner.runRaw(theCase(name)))
          .hasMessageContaining("status 400, expected 200").hasMessageContaining("size must be between 1 and 31");
      assertThatThrownBy(() -> runner.runTyped(theCase(name)))
          .hasMessageContaining("the client threw");
    }
  }

  @Test
  void validatorOffByOneAtTheMinimum_failsTheLength1Cases() {
    ConformanceRunner runner = brokenBy(rejectingTaskIds(id -> id.length() < 2, 32));

    for (String name : new String[] {"badge-task-id-length-1", "stop-task-id-length-1", "taskcron-task-id-length-1",
        "delete-task-id-length-1"}) {
      assertThatThrownBy(() -> runner.runRaw(theCase(name))).hasMessageContaining("status 400, expected 200");
    }
  }

  @Test
  void lengthCountedInUtf16Units_failsThe17EmojiCases() {
    ConformanceRunner runner = brokenBy(rejectingTaskIds(id -> id.length() > 32, 32));

    assertThatThrownBy(() -> runner.runRaw(theCase("stop-task-id-17-emoji"))).hasMessageContaining("status 400, expected 200");
    assertThatThrownBy(() -> runner.runRaw(theCase("badge-task-id-17-emoji"))).hasMessageContaining("status 400, expected 200");
    runner.runRaw(theCase("stop-task-id-length-32"));   // 32 ASCII characters are 32 units: still passes
  }

  @Test
  void errorCodeOutsideTheDocumentedForm_isCaught() {
    ConformanceRunner runner = brokenBy(rewritingBodies(body -> body.replace("\"CC.00000001.400\"", "\"INVALID\"")
        .replace("\"CC.00000003\"", "\"CC.00000003.401\"")));

    assertThatThrownBy(() -> runner.runRaw(theCase("badge-task-id-length-33")))
        .hasMessageContaining("error_code is INVALID, expected CC.xxxxxxxx.400 (each x a digit)");
    assertThatThrownBy(() -> runner.runTyped(theCase("badge-task-id-length-33")))
        .hasMessageContaining("error_code is INVALID, expected CC.xxxxxxxx.400 (each x a digit)");
    assertThatThrownBy(() -> runner.runRaw(theCase("stop-no-token")))
        .hasMessageContaining("error_code is CC.00000003.401, expected CC.00000003");
  }

  @Test
  void theSameServerUnbroken_passesTheSameCases() {
    ConformanceRunner runner = brokenBy(context -> true);

    for (String name : new String[] {"refresh-docs-example", "stop-docs-example", "taskcron-unknown-task",
        "badge-task-id-length-32", "stop-task-id-length-32", "refresh-task-id-length-32", "badge-task-id-length-1",
        "stop-task-id-length-1", "taskcron-task-id-length-1", "delete-task-id-length-1", "stop-task-id-17-emoji",
        "badge-task-id-17-emoji", "badge-task-id-length-33", "stop-no-token"}) {
      runner.runRaw(theCase(name));
      if (theCase(name).tree().path("request").path("token").isMissingNode()) {
        runner.runTyped(theCase(name));
      }
    }
  }

  /**
   * A validator gone wrong: a request whose task_id (in the path or the query) {@code isRejected}
   * is answered as a bean-validation failure with the given maximum.
   */
  static Feature rejectingTaskIds(java.util.function.Predicate<String> isRejected, int max) {
    @Priority(2)
    @PreMatching
    class OffByOne implements ContainerRequestFilter {
      @Override
      public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/?v(?:4/task|2/tasks|1/tasks|3/task)/([^/]+)").matcher(path);
        String id = m.find() ? m.group(1) : request.getUriInfo().getQueryParameters(true).getFirst("task_id");
        if (id != null && !id.isEmpty() && isRejected.test(id)) {
          request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
              .entity("{\"error_code\":\"CC.00000001.400\",\"error_msg\":\"task_id: size must be between 1 and " + max + "\"}")
              .build());
        }
      }
    }
    return context -> {
      context.register(new OffByOne());
      return true;
    };
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
    return new ConformanceRunner(target.target("the emulator, broken", server.uri().toString()), SPEC);
  }

  private static CaseFiles.CaseFile theCase(String name) {
    return CaseFiles.named(name);
  }
}
