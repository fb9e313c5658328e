package io.shopsense.core.campaign.content;

import java.util.List;

/** A template rendered for one person and message: subject, bodies and the items the slot put in. */
public record RenderedMessage(String subject, String html, String text, List<String> itemIds) {
  public RenderedMessage {
    itemIds = List.copyOf(itemIds);
  }
}
