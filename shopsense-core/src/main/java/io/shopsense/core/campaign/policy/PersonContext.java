package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.Purpose;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules know of one person during a check: the contacts of the look-back window (oldest first) followed by
 * the messages allowed earlier in the same batch, the unopened streak, blocks, preferences and consent decisions.
 * Built once per person per batch; not thread-safe.
 */
final class PersonContext {
  final PersonId person;
  final List<Contact> contacts;
  int unopenedInARow;
  final List<ContactBlock> blocks;
  final ContactPreferences preferences;
  final Map<Purpose, ConsentDecision> consent = new EnumMap<>(Purpose.class);

  PersonContext(PersonId person, List<Contact> contacts, int unopenedInARow, List<ContactBlock> blocks,
      ContactPreferences preferences) {
    this.person = person;
    this.contacts = new ArrayList<>(contacts);
    this.unopenedInARow = unopenedInARow;
    this.blocks = blocks;
    this.preferences = preferences;
  }

  /** Counts a message allowed in this batch as sent now, so that the person's next candidates see it. */
  void allowed(Contact contact) {
    contacts.add(contact);
    if (contact.category() == io.shopsense.api.campaign.ContentCategory.PROMOTIONAL
        && contact.channel().reportsOpens()) {
      unopenedInARow++;
    }
  }

  /** Whether a message of this key is on record already (queued before: checking it again would count it twice). */
  boolean onRecord(String messageKey) {
    for (int i = 0; i < contacts.size(); i++) {
      if (contacts.get(i).messageKey().equals(messageKey)) {
        return true;
      }
    }
    return false;
  }
}
