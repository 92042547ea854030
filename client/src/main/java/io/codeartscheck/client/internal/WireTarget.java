package io.codeartscheck.client.internal;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.util.Collection;
import java.util.Map;

/**
 * Turns the resolved template into the request that goes on the wire (credentials are added per
 * attempt by {@link CallExecutor}). A query parameter given as the empty string is sent as
 * {@code name=} (Feign writes a bare {@code name}): the refresh example of the docs is
 * {@code ?task_id=&async=false}. A null argument leaves the parameter out. No parameter of this
 * API is a valueless flag. Path and query values arrive fully percent-encoded by
 * {@link PercentEncoder}.
 */
final class WireTarget<T> extends Target.HardCodedTarget<T> {

  WireTarget(Class<T> type, String url) {
    super(type, url);
  }

  @Override
  public Request apply(RequestTemplate template) {
    Request resolved = super.apply(template);
    String url = resolved.url();
    int queryStart = url.indexOf('?');
    String base = queryStart < 0 ? url : url.substring(0, queryStart);
    return Request.create(resolved.httpMethod(), base + queryString(template.queries()),
        resolved.headers(), resolved.body(), resolved.charset(), template);
  }

  /** The query as Feign resolved it (values already encoded), with empty values as {@code name=}. */
  static String queryString(Map<String, Collection<String>> queries) {
    StringBuilder query = new StringBuilder();
    for (Map.Entry<String, Collection<String>> entry : queries.entrySet()) {
      Collection<String> values = entry.getValue();
      if (values == null || values.isEmpty()) {
        query.append(query.length() == 0 ? '?' : '&').append(entry.getKey()).append('=');
        continue;
      }
      for (String value : values) {
        query.append(query.length() == 0 ? '?' : '&').append(entry.getKey()).append('=')
            .append(value == null ? "" : value);
      }
    }
    return query.toString();
  }
}
