package io.shopsense.api.journey;

import java.util.Objects;

/**
 * What a send step (or a broadcast) asks the channels to deliver: the channel ({@value #PREFERRED} lets the person's
 * preferred channel decide), the template, the content category the contact policy applies its rules by
 * ({@code transactional}, {@code service}, {@code promotional}), an optional topic the person may opt out of, and a
 * priority (higher wins when messages compete).
 */
public record SendSpec(String channel, String templateId, String contentCategory, String topic, int priority) {
  /** The channel value that defers the choice to the person's preferred channel. */
  public static final String PREFERRED = "preferred";

  public SendSpec {
    requireText(channel, "channel");
    requireText(templateId, "templateId");
    requireText(contentCategory, "contentCategory");
    if (topic != null && topic.isBlank()) {
      topic = null;
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
