package io.codeartscheck.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Huawei Cloud region that hosts CodeArts Check; its endpoint is
 * {@code https://codearts-check.{region}.myhuaweicloud.com}. A constant for each region of the
 * docs, and {@link #of(String)} for one that appears later.
 *
 * <pre>{@code
 * CodeArtsCheckClient.builder().region(Region.CN_NORTH_4)...
 * CodeArtsCheckClient.builder().region(Region.of(System.getenv("CODEARTS_REGION")))...
 * }</pre>
 */
public final class Region {
  /** CN North-Beijing4. */
  public static final Region CN_NORTH_4 = new Region("cn-north-4");
  /** CN North-Beijing1. */
  public static final Region CN_NORTH_1 = new Region("cn-north-1");
  /** CN East-Shanghai2. */
  public static final Region CN_EAST_2 = new Region("cn-east-2");
  /** CN South-Guangzhou. */
  public static final Region CN_SOUTH_1 = new Region("cn-south-1");
  /** CN East-Shanghai1. */
  public static final Region CN_EAST_3 = new Region("cn-east-3");
  /** LA-Mexico City2. */
  public static final Region LA_NORTH_2 = new Region("la-north-2");
  /** LA-Sao Paulo1. */
  public static final Region SA_BRAZIL_1 = new Region("sa-brazil-1");
  /** AP-Singapore. */
  public static final Region AP_SOUTHEAST_3 = new Region("ap-southeast-3");

  private static final List<Region> DOCUMENTED = List.of(CN_NORTH_4, CN_NORTH_1, CN_EAST_2,
      CN_SOUTH_1, CN_EAST_3, LA_NORTH_2, SA_BRAZIL_1, AP_SOUTHEAST_3);
  /** What a region id looks like: lower-case words and numbers joined by hyphens. */
  private static final Pattern ID = Pattern.compile("[a-z]+(-[a-z0-9]+)+");

  private final String id;

  private Region(String id) {
    this.id = id;
  }

  /**
   * The region with this id: one of the constants for a documented region, or a new region for
   * one that appears later.
   *
   * @param id the region id, e.g. {@code cn-north-4}
   * @return the region
   * @throws IllegalArgumentException when the id is not of the form of a region id (lower-case
   *     letters and digits in hyphen-joined words, e.g. {@code ap-southeast-3}), so that it can
   *     only ever name a host under {@code myhuaweicloud.com}; the message lists the documented
   *     regions
   */
  public static Region of(String id) {
    Objects.requireNonNull(id, "id");
    for (Region region : DOCUMENTED) {
      if (region.id.equals(id)) {
        return region;
      }
    }
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("'" + id + "' is not a region id; the documented "
          + "regions are " + String.join(", ", DOCUMENTED.stream().map(Region::id).toList())
          + " (or give the client an endpoint)");
    }
    return new Region(id);
  }

  /**
   * The regions the docs list, in their order.
   *
   * @return the eight documented regions
   */
  public static List<Region> documentedRegions() {
    return DOCUMENTED;
  }

  /**
   * Returns the region id.
   *
   * @return the id, e.g. {@code cn-north-4}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the region's CodeArts Check endpoint.
   *
   * @return {@code https://codearts-check.{id}.myhuaweicloud.com}
   */
  public URI endpoint() {
    return URI.create("https://codearts-check." + id + ".myhuaweicloud.com");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Region && ((Region) other).id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Returns the region id. */
  @Override
  public String toString() {
    return id;
  }
}
