package io.codeartscheck.client.internal;

import feign.Request;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests in the Huawei Cloud API Gateway scheme {@code SDK-HMAC-SHA256}: the
 * {@code X-Sdk-Date} header and {@code Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=...,
 * Signature=...}.
 *
 * <pre>
 * CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n
 *                    SignedHeaders \n hex(sha256(body))
 * StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(CanonicalRequest))
 * Signature        = hex(HMAC-SHA256(SecretKey, StringToSign))
 * </pre>
 *
 * <p>The canonical URI is every path segment percent-decoded, then encoded per RFC 3986 (only
 * {@code A-Z a-z 0-9 - _ . ~} left as they are), joined by {@code /} and ending with {@code /}.
 * The canonical query is every name and value encoded the same way, sorted by name then value,
 * {@code name=value} joined by {@code &} (an empty value gives {@code name=}). Signed headers are
 * {@code host}, {@code x-sdk-date} and every header of the request, lower-cased, sorted, values
 * trimmed.
 */
final class AkSkSigner implements RequestAuthenticator {
  static final String ALGORITHM = "SDK-HMAC-SHA256";
  static final String DATE_HEADER = "X-Sdk-Date";
  static final DateTimeFormatter DATE_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** Headers the JDK transport sets itself: signing them could sign a value it does not send. */
  private static final Set<String> UNSIGNED =
      Set.of("authorization", "connection", "content-length", "expect", "upgrade");

  private final String accessKey;
  private final byte[] secretKey;
  private final Clock clock;

  AkSkSigner(String accessKey, String secretKey, Clock clock) {
    this.accessKey = accessKey;
    this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  @Override
  public Map<String, String> authenticate(Request request) {
    String date = DATE_FORMAT.format(clock.instant());
    URI uri = URI.create(request.url());
    Map<String, String> signed = new TreeMap<>();
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!UNSIGNED.contains(name) && !header.getValue().isEmpty()) {
        signed.put(name, header.getValue().iterator().next());
      }
    }
    signed.put("host", hostHeader(uri));
    signed.put("x-sdk-date", date);
    String authorization = authorization(request.httpMethod().name(), uri.getRawPath(),
        uri.getRawQuery(), signed, request.body(), date);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(DATE_HEADER, date);
    headers.put("Authorization", authorization);
    return headers;
  }

  /**
   * The {@code Host} header the transports send for a URL: the host, and the port only when it is
   * not the scheme's default ({@code https://h:443} is sent as {@code Host: h}). The signature
   * must cover exactly that value, or the gateway's recomputation differs.
   */
  static String hostHeader(URI uri) {
    int port = uri.getPort();
    int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return port == -1 || port == defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  /** The {@code Authorization} value for a request; headers keyed by lower-case name. */
  String authorization(String method, String rawPath, String rawQuery,
      Map<String, String> headersToSign, byte[] body, String date) {
    String signature = hex(hmacSha256(secretKey,
        stringToSign(canonicalRequest(method, rawPath, rawQuery, headersToSign, body), date)));
    return ALGORITHM + " Access=" + accessKey + ", SignedHeaders="
        + String.join(";", new TreeMap<>(headersToSign).keySet()) + ", Signature=" + signature;
  }

  static String canonicalRequest(String method, String rawPath, String rawQuery,
      Map<String, String> headersToSign, byte[] body) {
    TreeMap<String, String> sorted = new TreeMap<>(headersToSign);
    StringBuilder headers = new StringBuilder();
    sorted.forEach((name, value) -> headers.append(name).append(':').append(value.trim())
        .append('\n'));
    return method + '\n'
        + canonicalUri(rawPath) + '\n'
        + canonicalQuery(rawQuery) + '\n'
        + headers + '\n'
        + String.join(";", sorted.keySet()) + '\n'
        + hex(sha256(body == null ? new byte[0] : body));
  }

  static String stringToSign(String canonicalRequest, String date) {
    return ALGORITHM + '\n' + date + '\n'
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
  }

  static String canonicalUri(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    StringBuilder uri = new StringBuilder();
    String[] segments = rawPath.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        uri.append('/');
      }
      uri.append(encode(decode(segments[i])));
    }
    if (uri.length() == 0 || uri.charAt(uri.length() - 1) != '/') {
      uri.append('/');
    }
    return uri.toString();
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder query = new StringBuilder();
    for (String[] pair : pairs) {
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(pair[0]).append('=').append(pair[1]);
    }
    return query.toString();
  }

  /** RFC 3986 percent-encoding of UTF-8 bytes; unreserved characters stay as they are. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Percent-decoding to UTF-8 ({@code +} stays a plus: this is a URI, not a form). */
  static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()
          && Character.digit(text.charAt(i + 1), 16) >= 0
          && Character.digit(text.charAt(i + 2), 16) >= 0) {
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16
            + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static byte[] hmacSha256(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  /** Names the access key by its start only: at most 4 characters and never more than half. */
  @Override
  public String toString() {
    return describe(accessKey);
  }

  /** Names an access key by its start only: at most 4 characters and never more than half. */
  static String describe(String accessKey) {
    return "AK/SK signing (access key "
        + accessKey.substring(0, Math.min(4, accessKey.length() / 2)) + "…)";
  }
}
