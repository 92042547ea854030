package io.codeartscheck.client;

import java.util.Locale;

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

  /**
   * The locale of a wire value.
   *
   * @param wireValue {@code zh-cn} or {@code en-us} (in any case)
   * @return the locale
   * @throws IllegalArgumentException for any other value, naming the two allowed
   */
  public static BadgeLocale fromWireValue(String wireValue) {
    for (BadgeLocale locale : values()) {
      if (locale.wireValue.equals(wireValue == null ? null
          : wireValue.toLowerCase(Locale.ROOT))) {
        return locale;
      }
    }
    throw new IllegalArgumentException("unknown badge locale '" + wireValue + "': zh-cn or en-us");
  }
}
