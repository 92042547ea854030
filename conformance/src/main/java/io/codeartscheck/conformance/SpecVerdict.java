package io.codeartscheck.conformance;

import java.util.List;

/**
 * What the spec says of one exchange: the validator's messages about the request and about the
 * response (empty lists when each conforms).
 *
 * @param exchange the exchange judged
 * @param requestProblems messages about the request, each prefixed with the validator's key
 * @param responseProblems messages about the response, each prefixed with the validator's key
 */
public record SpecVerdict(Exchange exchange, List<String> requestProblems, List<String> responseProblems) {

  /**
   * Whether the request conforms to the spec.
   *
   * @return whether there is no request problem
   */
  public boolean requestConforms() {
    return requestProblems.isEmpty();
  }

  /**
   * Whether the response conforms to the spec.
   *
   * @return whether there is no response problem
   */
  public boolean responseConforms() {
    return responseProblems.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(exchange.requestLine()).append(" -> ").append(exchange.status());
    requestProblems.forEach(p -> text.append("\n  request:  ").append(p));
    responseProblems.forEach(p -> text.append("\n  response: ").append(p));
    return text.toString();
  }
}
