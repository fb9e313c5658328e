package io.shopsense.core.notice;

import java.util.List;

/**
 * The generated privacy summary, ready to be served as JSON or rendered as a page.
 *
 * @param language  {@code en} or {@code zh}
 * @param purposes  every purpose, in the order of {@link io.shopsense.api.privacy.Purpose}
 * @param retention how long behaviour data is kept, in a sentence
 * @param faq       the questions customers ask, answered from the configuration
 */
public record PrivacySummary(String language, String title, String controller, String contact,
    List<PurposeLine> purposes, String retention, List<RecipientLine> recipients, List<Faq> faq) {

  /** One purpose: what it means, and whether it needs the customer's consent or on what basis it does not. */
  public record PurposeLine(String purpose, String description, boolean needsConsent, String basis) {}

  public record RecipientLine(String name, String role, List<String> purposes, String country) {}

  public record Faq(String question, String answer) {}
}
