package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactBlocks;
import io.shopsense.api.campaign.ContactHistory;
import io.shopsense.api.campaign.ContactLog;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy's ports in memory, for the policy's unit tests (the JDBC stores are held to the same behaviour by the
 * contract suites of shopsense-store-contract). Counts the bulk reads, so that tests can prove the batch reads once.
 */
final class MemoryContactStores implements ContactLog, ContactBlocks, PreferenceStore, SuppressionLog, ConsentCheck {
  final Map<String, Contact> contacts = new LinkedHashMap<>();
  final Map<PersonId, Integer> streaks = new HashMap<>();
  final List<ContactBlock> blocks = new ArrayList<>();
  final Map<PersonId, ContactPreferences> preferences = new HashMap<>();
  final List<MessageSuppressed> suppressed = new ArrayList<>();
  final Map<PersonId, Map<Purpose, ConsentDecision>> consent = new HashMap<>();
  int historyReads;
  int consentReads;

  void grant(PersonId person, Purpose... purposes) {
    for (Purpose p : purposes) {
      consent.computeIfAbsent(person, k -> new HashMap<>()).put(p, new ConsentDecision.Allowed(p,
          LawfulBasis.CONSENT, false));
    }
  }

  void withdraw(PersonId person, Purpose purpose) {
    consent.computeIfAbsent(person, k -> new HashMap<>()).put(purpose, new ConsentDecision.Refused(purpose,
        ConsentDecision.CONSENT_WITHDRAWN));
  }

  @Override
  public ConsentDecision check(PersonId person, Purpose purpose) {
    ConsentDecision d = consent.getOrDefault(person, Map.of()).get(purpose);
    return d != null ? d : new ConsentDecision.Refused(purpose, ConsentDecision.NO_CONSENT_RECORDED);
  }

  @Override
  public Map<PersonId, ConsentDecision> check(Collection<PersonId> persons, Purpose purpose) {
    consentReads++;
    Map<PersonId, ConsentDecision> out = new HashMap<>();
    persons.forEach(p -> out.put(p, check(p, purpose)));
    return out;
  }

  @Override
  public int record(Collection<Contact> batch) {
    int added = 0;
    for (Contact c : batch) {
      if (contacts.putIfAbsent(c.messageKey(), c) == null) {
        added++;
        if (c.category() == ContentCategory.PROMOTIONAL && c.channel().reportsOpens()) {
          streaks.merge(c.person(), 1, Integer::sum);
        }
      }
    }
    return added;
  }

  @Override
  public boolean markOpened(String messageKey, Instant at) {
    Contact c = contacts.get(messageKey);
    if (c == null || c.opened()) {
      return false;
    }
    contacts.put(messageKey, new Contact(c.person(), c.messageKey(), c.channel(), c.category(), c.topic(),
        c.priority(), c.sentAt(), Optional.of(at)));
    streaks.put(c.person(), 0);
    return true;
  }

  @Override
  public Map<PersonId, ContactHistory> histories(Collection<PersonId> persons, Instant since) {
    historyReads++;
    Map<PersonId, ContactHistory> out = new HashMap<>();
    for (PersonId p : persons) {
      List<Contact> recent = contacts.values().stream().filter(c -> c.person().equals(p))
          .filter(c -> !c.sentAt().isBefore(since)).sorted(Comparator.comparing(Contact::sentAt)).toList();
      out.put(p, new ContactHistory(p, recent, streaks.getOrDefault(p, 0)));
    }
    return out;
  }

  @Override
  public boolean add(ContactBlock block) {
    blocks.add(block);
    return true;
  }

  @Override
  public boolean remove(PersonId person, ContactBlock.Kind kind, ContactBlock.Scope scope, String value) {
    return blocks.removeIf(b -> b.person().equals(person) && b.kind() == kind && b.scope() == scope
        && b.value().equals(value));
  }

  @Override
  public Map<PersonId, List<ContactBlock>> of(Collection<PersonId> persons) {
    Map<PersonId, List<ContactBlock>> out = new HashMap<>();
    for (PersonId p : persons) {
      out.put(p, blocks.stream().filter(b -> b.person().equals(p)).toList());
    }
    return out;
  }

  @Override
  public void save(ContactPreferences prefs) {
    preferences.put(prefs.person(), prefs);
  }

  @Override
  public Optional<ContactPreferences> find(PersonId person) {
    return Optional.ofNullable(preferences.get(person));
  }

  @Override
  public Map<PersonId, ContactPreferences> find(Collection<PersonId> persons) {
    Map<PersonId, ContactPreferences> out = new HashMap<>();
    persons.forEach(p -> {
      if (preferences.containsKey(p)) {
        out.put(p, preferences.get(p));
      }
    });
    return out;
  }

  @Override
  public void append(Collection<MessageSuppressed> batch) {
    suppressed.addAll(batch);
  }

  @Override
  public List<MessageSuppressed> of(PersonId person, int limit) {
    return suppressed.stream().filter(s -> s.person().equals(person)).limit(limit).toList();
  }

  @Override
  public Map<String, Long> countByRule(Instant from, Instant to) {
    Map<String, Long> out = new HashMap<>();
    suppressed.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
        .forEach(s -> out.merge(s.rule(), 1L, Long::sum));
    return out;
  }

  @Override
  public int erase(Collection<PersonId> persons) {
    return 0;
  }
}
