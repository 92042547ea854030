package io.codeartscheck.client.internal;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the resolved template into the request that goes on the wire, fixing two things Feign's
 * templates cannot express, then authenticates it.
 *
 * <ul>
 *   <li>A query parameter given as the empty string is sent as {@code name=} (Feign writes a bare
 *       {@code name}): the refresh example of the docs is {@code ?task_id=&async=false}. A null
 *       argument leaves the parameter out. No parameter of this API is a valueless flag.
 *   <li>A path parameter that is {@code .} or {@code ..} is sent as {@code %2E} / {@code %2E%2E},
 *       so no client, proxy or server treats it as a dot-segment and walks up the path.
 * </ul>
 */
final class WireTarget<T> extends Target.HardCodedTarget<T> {
  private final RequestAuthenticator authenticator;

  WireTarget(Class<T> type, String url, RequestAuthenticator authenticator) {
    super(type, url);
    this.authenticator = authenticator;
  }

  @Override
  public Request apply(RequestTemplate template) {
    Request resolved = super.apply(template);
    String url = resolved.url();
    int queryStart = url.indexOf('?');
    String base = queryStart < 0 ? url : url.substring(0, queryStart);
    String wireUrl = protectDotSegments(base) + queryString(template.queries());
    Request unsigned = Request.create(resolved.httpMethod(), wireUrl, resolved.headers(),
        resolved.body(), resolved.charset(), template);
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(resolved.headers());
    authenticator.authenticate(unsigned).forEach((name, value) -> headers.put(name, List.of(value)));
    return Request.create(resolved.httpMethod(), wireUrl, headers, resolved.body(),
        resolved.charset(), template);
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

  static String protectDotSegments(String url) {
    int schemeEnd = url.indexOf("://");
    int pathStart = url.indexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
    if (pathStart < 0) {
      return url;
    }
    String[] segments = url.substring(pathStart).split("/", -1);
    StringBuilder path = new StringBuilder(url.substring(0, pathStart));
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        path.append('/');
      }
      String segment = segments[i];
      path.append(segment.equals(".") ? "%2E" : segment.equals("..") ? "%2E%2E" : segment);
    }
    return path.toString();
  }
}
