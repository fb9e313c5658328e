package io.shopsense.core.notice;

import io.shopsense.api.privacy.Purpose;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the privacy summary is generated from.
 *
 * @param controllerName    the shop (the data controller), as customers know it
 * @param controllerContact where customers write about their data (an address, an e-mail, a web form)
 * @param strictlyNecessary the purposes the shop declares strictly necessary, each with its lawful basis in plain
 *                          words (e.g. "to perform our contract with you"); every other purpose needs consent
 * @param rawEventRetention how long raw behaviour events are kept, or null if kept until erased
 * @param requestDeadline   how long the shop takes at most to answer an access or erasure request
 * @param recipients        the processors and third parties that receive personal data
 */
public record NoticeSettings(String controllerName, String controllerContact, Map<Purpose, String> strictlyNecessary,
    Duration rawEventRetention, Duration requestDeadline, List<Recipient> recipients) {

  /** Who receives data, for which purposes, where. {@code processor}: acts on the shop's instructions only. */
  public record Recipient(String name, boolean processor, Set<Purpose> purposes, String country) {
    public Recipient {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a recipient needs a name");
      }
      purposes = Set.copyOf(purposes);
      country = country == null || country.isBlank() ? null : country;
    }
  }

  public NoticeSettings {
    if (controllerName == null || controllerName.isBlank() || controllerContact == null
        || controllerContact.isBlank()) {
      throw new IllegalArgumentException("the privacy summary needs the controller's name and contact");
    }
    if (requestDeadline == null || requestDeadline.isNegative() || requestDeadline.isZero()) {
      throw new IllegalArgumentException("the request deadline must be positive");
    }
    if (rawEventRetention != null && (rawEventRetention.isNegative() || rawEventRetention.isZero())) {
      throw new IllegalArgumentException("the retention of raw events must be positive (or absent: kept until erased)");
    }
    strictlyNecessary = Map.copyOf(strictlyNecessary);
    recipients = List.copyOf(recipients);
  }
}
