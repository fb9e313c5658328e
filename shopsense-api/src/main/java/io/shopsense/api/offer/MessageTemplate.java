package io.shopsense.api.offer;

import io.shopsense.api.campaign.ContentCategory;
import java.util.Objects;

/**
 * A message template: Mustache text for the subject (or title), the HTML body and the plain-text body. Which
 * variables it may use and what rules its category imposes are core's ({@code TemplateEngine} validates on save).
 */
public record MessageTemplate(String id, ContentCategory category, TemplateLocale locale, String subject, String html,
    String text) {
  public MessageTemplate {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a template needs an id");
    }
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(locale, "locale");
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("template " + id + " needs a subject");
    }
    html = html == null ? "" : html;
    text = text == null ? "" : text;
    if (html.isBlank() && text.isBlank()) {
      throw new IllegalArgumentException("template " + id + " needs an HTML or a text body");
    }
  }
}
