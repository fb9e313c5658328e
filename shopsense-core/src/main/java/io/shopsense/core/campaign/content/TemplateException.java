package io.shopsense.core.campaign.content;

import java.util.List;

/** A template that cannot be saved (its problems listed) or rendered for a person (what is missing). */
public final class TemplateException extends IllegalArgumentException {
  private final List<String> problems;

  public TemplateException(String templateId, List<String> problems) {
    super("template " + templateId + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
