package io.codeartscheck.client.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a parameter of the generated interface goes on the wire: its name in the spec
 * ({@code task_id}, not the Java {@code taskId}) and its place (path, query or header). Written
 * on every parameter by the hand-written template {@code api.mustache}, so the argument checks name
 * the wire parameter and know its place without parsing the request line or a message. Internal:
 * public only because the generated interface, in another package, carries it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface WireParameter {
  /**
   * The parameter's name in the spec.
   *
   * @return the wire name, e.g. {@code task_id}
   */
  String name();

  /**
   * Where the parameter is sent.
   *
   * @return path, query or header
   */
  Location in();

  /** The places a parameter of this API can be sent. */
  enum Location {
    /** A path segment. */
    PATH,
    /** A query parameter. */
    QUERY,
    /** A request header. */
    HEADER
  }
}
