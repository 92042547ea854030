package io.codeartscheck.conformance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One conformance case, read from a JSON file: given some earlier requests, when one request is
 * sent, then the response has this status, these headers and this body.
 *
 * <p>The file format is documented in {@code conformance/README.md}.
 *
 * @param name the file name, without {@code .json}
 * @param description what the case shows, in a sentence
 * @param doc the API doc the case comes from ({@code 001_a218195dcec1241e.txt}), or {@code null}
 * @param needsDefaultData whether the case relies on the emulator's default data (the docs'
 *     example tasks) or changes state; such cases are skipped against a remote server
 * @param given requests sent first, each of which must succeed (2xx)
 * @param when the request under test
 * @param then what the response must be
 * @param requestConforms whether the spec accepts the request: {@code false} for cases that send
 *     bad input on purpose, where the validator must flag the request too
 * @param outsideSpec whether the request is outside the spec (unknown path, undeclared method), so
 *     that no spec judgement applies, only {@code then}
 * @param client the same request through the typed client, or {@code null} when the client cannot
 *     express it (a missing token, a wrong method)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConformanceCase(
    String name,
    String description,
    String doc,
    boolean needsDefaultData,
    List<Request> given,
    Request when,
    Then then,
    Boolean requestConforms,
    boolean outsideSpec,
    ClientCall client) {

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Fills the defaults of the optional parts.
   *
   * @param name the file name, without {@code .json}
   * @param description what the case shows
   * @param doc the API doc the case comes from, or {@code null}
   * @param needsDefaultData whether the case relies on the default data or changes state
   * @param given requests sent first, or {@code null} for none
   * @param when the request under test
   * @param then what the response must be
   * @param requestConforms whether the spec accepts the request, or {@code null} for yes
   * @param outsideSpec whether the request is outside the spec
   * @param client the same request through the typed client, or {@code null}
   */
  public ConformanceCase {
    given = given == null ? List.of() : given;
    requestConforms = requestConforms == null ? Boolean.TRUE : requestConforms;
  }

  /**
   * A request as it goes on the wire. {@code ${token}} in a header value is the token in use.
   *
   * @param method the HTTP method
   * @param path the raw path, percent-encoded as sent
   * @param query the raw query without {@code ?}, empty when there is none
   * @param headers header values to send
   * @param body the request body, or {@code null} for none
   * @param noToken whether to send the request without {@code X-Auth-Token}
   */
  public record Request(
      String method, String path, String query, Map<String, String> headers, String body, boolean noToken) {
    /**
     * Fills the defaults.
     *
     * @param method the HTTP method
     * @param path the raw path
     * @param query the raw query, or {@code null} for none
     * @param headers header values, or {@code null} for none
     * @param body the request body, or {@code null}
     * @param noToken whether to send no {@code X-Auth-Token}
     */
    public Request {
      query = query == null ? "" : query;
      headers = headers == null ? Map.of() : headers;
    }
  }

  /**
   * The expected response.
   *
   * @param status the status
   * @param headers header values; {@code *} means present with any value, a media type is compared
   *     without regard to case or spaces
   * @param json the body as JSON, compared field for field
   * @param text the body as text, compared byte for byte
   * @param errorCode the expected {@code error_code} of an error body
   * @param errorMsgContains text the {@code error_msg} must contain
   * @param svg whether the body must be a well-formed SVG document (root element {@code svg})
   * @param textContains texts the body must contain
   */
  public record Then(
      int status, Map<String, String> headers, JsonNode json, String text, String errorCode,
      String errorMsgContains, boolean svg, List<String> textContains) {
    /**
     * Fills the defaults.
     *
     * @param status the status
     * @param headers header values, or {@code null} for none
     * @param json the body as JSON, or {@code null}
     * @param text the body as text, or {@code null}
     * @param errorCode the expected {@code error_code}, or {@code null}
     * @param errorMsgContains text the {@code error_msg} must contain, or {@code null}
     * @param svg whether the body must be an SVG document
     * @param textContains texts the body must contain, or {@code null} for none
     */
    public Then {
      headers = headers == null ? Map.of() : headers;
      textContains = textContains == null ? List.of() : textContains;
    }
  }

  /**
   * A call of the typed client: the method of {@code CodeArtsCheckClient} and its arguments, in the
   * generated order (path, query, header); {@code null} arguments are left out of the request.
   *
   * @param operation the name of the client method
   * @param args its arguments, in order
   */
  public record ClientCall(String operation, List<String> args) {
    /**
     * Fills the defaults.
     *
     * @param operation the name of the client method
     * @param args its arguments, or {@code null} for none
     */
    public ClientCall {
      args = args == null ? List.of() : new ArrayList<>(args);
    }
  }

  /** The display name of the case in test reports. */
  @Override
  public String toString() {
    return name + (doc == null ? "" : " [" + doc + "]") + ": " + description;
  }

  /**
   * Reads a case from JSON; {@code name} is the file name without extension.
   *
   * @param name the case's name
   * @param json the case file
   * @return the case
   */
  public static ConformanceCase read(String name, InputStream json) {
    try {
      JsonNode tree = JSON.readTree(json);
      ((ObjectNode) tree).put("name", name);
      return JSON.treeToValue(tree, ConformanceCase.class);
    } catch (IOException e) {
      throw new UncheckedIOException("case " + name + " is not valid: " + e.getMessage(), e);
    }
  }
}
