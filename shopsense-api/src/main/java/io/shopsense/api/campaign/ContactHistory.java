package io.shopsense.api.campaign;

import io.shopsense.api.id.PersonId;
import java.util.List;

/**
 * What the contact log knows of one person for the policy: the contacts sent since the time asked for, oldest first,
 * and how many promotional messages on channels that report opens were sent in a row since the person last opened
 * anything (kept as a counter, so that fatigue needs no history older than the window read).
 */
public record ContactHistory(PersonId person, List<Contact> recent, int unopenedInARow) {

  public ContactHistory {
    if (person == null || unopenedInARow < 0) {
      throw new IllegalArgumentException("a contact history needs a person and a non-negative unopened streak");
    }
    recent = List.copyOf(recent);
  }

  public static ContactHistory empty(PersonId person) {
    return new ContactHistory(person, List.of(), 0);
  }
}
