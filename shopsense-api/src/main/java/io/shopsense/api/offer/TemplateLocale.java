package io.shopsense.api.offer;

import java.util.Locale;

/** The languages a template is written in; decides how prices and dates are formatted. */
public enum TemplateLocale {
  EN(Locale.US), ZH(Locale.CHINA);

  private final Locale locale;

  TemplateLocale(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }
}
