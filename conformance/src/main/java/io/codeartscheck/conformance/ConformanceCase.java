package io.codeartscheck.conformance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One conformance case, read from a JSON file under {@value CaseFiles#DIRECTORY}: given some tasks
 * (made by the target's fixtures) and some earlier requests, when one request is sent, then the
 * response has this status, these headers and this body. The file format is documented in
 * {@code conformance/README.md}.
 *
 * <p>The request is described once, by operation and named inputs (the spec's parameter names);
 * both the raw HTTP request and the typed client call are derived from that description. Ids are
 * placeholders ({@code ${task}}, {@code ${task:32}}, {@code ${task:emoji:17}}) that {@link Placeholders}
 * replaces with fresh values on every run, so a case never depends on data already on the server.
 *
 * @param name the file name, without {@code .json}
 * @param description what the case shows, in a sentence
 * @param doc the API doc the case comes from, or {@code null}
 * @param given the tasks the fixtures create first
 * @param before requests sent after the fixtures and before {@code request}; each must answer 2xx
 * @param request the request under test
 * @param then what the response must be
 * @param requestConforms whether the spec accepts the request ({@code false} for bad input on purpose)
 * @param outsideSpec whether no operation of the spec matches the request, so only {@code then} applies
 * @param rawOnly why the typed client cannot send this request, or {@code null} when it can
 */
record ConformanceCase(
    String name,
    String description,
    String doc,
    List<GivenTask> given,
    List<Request> before,
    Request request,
    Then then,
    Boolean requestConforms,
    boolean outsideSpec,
    String rawOnly) {

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  ConformanceCase {
    given = given == null ? List.of() : List.copyOf(given);
    before = before == null ? List.of() : List.copyOf(before);
    requestConforms = requestConforms == null ? Boolean.TRUE : requestConforms;
  }

  /** Whether the case needs fixtures (it names tasks in {@code given}). */
  boolean needsFixtures() {
    return !given.isEmpty();
  }

  /** Whether the request can go through the typed client: an operation, sent as the spec has it. */
  boolean runsTyped() {
    return rawOnly == null && request.operation() != null && request.method() == null && request.path() == null
        && request.headers().isEmpty() && (request.token() == null || request.token() == Token.REJECTED);
  }

  /** The display name of the case in test reports. */
  @Override
  public String toString() {
    return name + (doc == null ? "" : " [" + doc + "]") + ": " + description;
  }

  /**
   * Reads a case from its JSON tree (placeholders still in it, or already replaced).
   *
   * @throws IllegalArgumentException naming the case and the problem when the case is not valid
   */
  static ConformanceCase read(String name, JsonNode tree) {
    try {
      ObjectNode copy = tree.deepCopy();
      copy.put("name", name);
      return JSON.treeToValue(copy, ConformanceCase.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("case " + name + " is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * A task that the fixtures create before the case runs.
   *
   * @param taskId the task's id (a placeholder)
   * @param running whether the task is running (stop accepts it) rather than completed
   * @param schedule its schedule, or {@code null} for none; its {@code taskId} becomes {@code taskId}
   * @param jobs its execution records, oldest first
   */
  record GivenTask(
      @JsonProperty(value = "task_id", required = true) String taskId,
      @JsonProperty("running") boolean running,
      @JsonProperty("schedule") ExampleRef schedule,
      @JsonProperty("jobs") List<GivenJob> jobs) {
    GivenTask {
      jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }
  }

  /**
   * An execution record of a {@link GivenTask}.
   *
   * @param jobId the record's id (a placeholder)
   * @param report its report
   */
  record GivenJob(
      @JsonProperty(value = "job_id", required = true) String jobId,
      @JsonProperty(value = "report", required = true) ExampleRef report) {
  }

  /**
   * A JSON value taken from one of the docs' examples the openapi jar publishes, optionally with
   * some values replaced: {@code "refresh-200.json#/result"}, or
   * {@code {"example": "taskcron-200.json", "with": {"/result/taskId": "${task}"}}}.
   *
   * @param example the example file and an optional JSON pointer after {@code #}
   * @param with values to put at JSON pointers of the example (the parent must exist)
   */
  record ExampleRef(String example, Map<String, JsonNode> with) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    ExampleRef(@JsonProperty(value = "example", required = true) String example,
        @JsonProperty("with") Map<String, JsonNode> with) {
      this.example = example;
      this.with = with == null ? Map.of() : new LinkedHashMap<>(with);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ExampleRef of(String example) {
      return new ExampleRef(example, null);
    }

    /** The example's value with the replacements made. */
    JsonNode value() {
      return DocsExamples.json(example, with);
    }
  }

  /** How a request authenticates. */
  enum Token {
    /** No {@code X-Auth-Token} header. */
    @JsonProperty("none") NONE,
    /** An empty {@code X-Auth-Token} header. */
    @JsonProperty("blank") BLANK,
    /** The target's rejected token; the case is skipped when the target names none. */
    @JsonProperty("rejected") REJECTED
  }

  /**
   * A request: an operation of the spec and its named inputs, or (outside the spec) a method and a
   * raw path. Inputs are the spec's parameter names ({@code task_id}, {@code job_id},
   * {@code locale}, {@code async}, {@code operator}); an input that is left out is not sent, an
   * empty one is sent empty.
   *
   * @param operation the spec's operationId, or {@code null} for a request outside the spec
   * @param inputs the parameter values, by the spec's parameter name
   * @param method a method other than the operation's (a wrong method), or the method of a raw request
   * @param path the raw path of a request outside the spec, percent-encoded as sent
   * @param token how the request authenticates; {@code null} for the target's valid token
   * @param headers more headers to send as they are (for example {@code Accept})
   */
  record Request(String operation, Map<String, String> inputs, String method, String path, Token token,
      Map<String, String> headers) {
    private static final Set<String> FIELDS = Set.of("operation", "method", "path", "token", "headers");

    Request {
      inputs = inputs == null ? Map.of() : new LinkedHashMap<>(inputs);
      headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Request from(ObjectNode node) {
      Map<String, String> inputs = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!FIELDS.contains(field.getKey())) {
          if (!field.getValue().isTextual()) {
            throw new IllegalArgumentException("input " + field.getKey() + " must be a string");
          }
          inputs.put(field.getKey(), field.getValue().asText());
        }
      }
      Map<String, String> headers = new LinkedHashMap<>();
      node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
      Token token = node.hasNonNull("token") ? JSON.convertValue(node.get("token"), Token.class) : null;
      Request request = new Request(text(node, "operation"), inputs, text(node, "method"), text(node, "path"), token,
          headers);
      if (request.operation() == null && (request.method() == null || request.path() == null || !inputs.isEmpty())) {
        throw new IllegalArgumentException("a request names an operation and its inputs, or a method and a raw path");
      }
      if (request.operation() != null && request.path() != null) {
        throw new IllegalArgumentException("a request of an operation has no raw path: its inputs make the path");
      }
      Operations.SPEC.check(request);
      return request;
    }

    private static String text(JsonNode node, String field) {
      return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
  }

  /**
   * The expected response.
   *
   * @param status the status, or the statuses one of which is expected
   * @param headers header values; {@code *} means present with any value, a media type is compared
   *     without regard to case or spaces, and one without parameters ignores the answer's parameters
   * @param example the body as one of the docs' examples, compared field for field and in order
   * @param json the body as JSON, compared field for field and in order
   * @param text the body as text, compared byte for byte
   * @param errorCode the expected {@code error_code}; each {@code x} stands for one digit, as in
   *     the docs' {@code CC.xxxxxxxx.400}
   * @param errorMsgContains text the {@code error_msg} must contain
   * @param svg whether the body must be a well-formed SVG document (root element {@code svg})
   * @param textMatches regular expressions each of which must match somewhere in the body
   */
  record Then(
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Integer> status,
      Map<String, String> headers, ExampleRef example, JsonNode json, String text, String errorCode,
      String errorMsgContains, boolean svg, List<String> textMatches) {
    Then {
      if (status == null || status.isEmpty()) {
        throw new IllegalArgumentException("then needs a status");
      }
      if (example != null && json != null) {
        throw new IllegalArgumentException("then has an example or json, not both");
      }
      status = List.copyOf(status);
      headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
      textMatches = textMatches == null ? List.of() : List.copyOf(textMatches);
      json = example != null ? example.value() : json;
    }

    /** Whether {@code actual} is an expected status. */
    boolean expects(int actual) {
      return status.contains(actual);
    }

    /** Whether every expected status is a success. */
    boolean success() {
      return status.stream().allMatch(s -> s / 100 == 2);
    }

    /** The expected status or statuses, for messages. */
    String statusText() {
      return status.size() == 1 ? String.valueOf(status.get(0)) : "one of " + status;
    }
  }
}
