package io.codeartscheck.client;

/**
 * The language of the code health badge ({@code locale} of
 * {@link ShowCodeHealthSvgRequest}): the two values the docs allow.
 */
public enum BadgeLocale {
  /** Chinese, {@code zh-cn} on the wire. */
  ZH_CN("zh-cn"),
  /** English, {@code en-us} on the wire. */
  EN_US("en-us");

  private final String wireValue;

  BadgeLocale(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * Returns the value sent in the {@code locale} query parameter.
   *
   * @return {@code zh-cn} or {@code en-us}
   */
  public String wireValue() {
    return wireValue;
  }
}
