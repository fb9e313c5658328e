package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContentCategory;

/**
 * Unsubscribes and do-not-contact: a do-not-contact in the message's scope (everything, its channel, its topic) stops
 * every message; an unsubscribe in scope stops promotional ones.
 */
final class BlockRule implements ContactRule {
  static final String UNSUBSCRIBED = "unsubscribed";
  static final String DO_NOT_CONTACT = "do_not_contact";

  @Override
  public String name() {
    return UNSUBSCRIBED;
  }

  @Override
  public Verdict check(Candidate c, PersonContext p, Moment m) {
    ContactBlock unsubscribe = null;
    for (ContactBlock b : p.blocks) {
      if (!b.covers(c.channel(), c.topic())) {
        continue;
      }
      if (b.kind() == ContactBlock.Kind.DO_NOT_CONTACT) {
        return new Verdict.Reject(DO_NOT_CONTACT, describe(b));
      }
      if (unsubscribe == null) {
        unsubscribe = b;
      }
    }
    if (unsubscribe != null && c.category() == ContentCategory.PROMOTIONAL) {
      return new Verdict.Reject(UNSUBSCRIBED, describe(unsubscribe));
    }
    return Verdict.ALLOW;
  }

  private static String describe(ContactBlock b) {
    String scope = switch (b.scope()) {
      case ALL -> "everything";
      case CHANNEL -> "channel " + b.value();
      case TOPIC -> "topic " + b.value();
    };
    return b.kind().wireName() + " from " + scope + " since " + b.at() + " (" + b.source() + ")";
  }
}
