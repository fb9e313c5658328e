package io.shopsense.core.campaign.policy;

import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactBlocks;
import io.shopsense.api.campaign.ContactHistory;
import io.shopsense.api.campaign.ContactLog;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.MessageSuppressed;
import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one contact-pressure policy every campaign and journey message passes before it is sent. Each rule answers
 * allow, reject or hold with a reason; the first that does not allow decides, in this fixed order:
 *
 * <ol>
 *   <li>{@code consent} — the channel's marketing purpose where the category needs it (the law first);</li>
 *   <li>{@code do_not_contact} / {@code unsubscribed} — standing blocks, the person's own and those of the persons
 *   merged into them (an unsubscribe made before a merge holds after it, as consent does);</li>
 *   <li>{@code quiet_hours} — a hold until the person's local window ends;</li>
 *   <li>{@code preferences} — the person's channels, muted topics and frequency (their own, else those of the latest
 *   choice of a person merged into them);</li>
 *   <li>{@code priority} — a lower-priority promotional message than one sent today waits (or is dropped);</li>
 *   <li>{@code frequency_cap} — global and per-channel caps per local day and week;</li>
 *   <li>{@code fatigue} — after N unopened in a row, one promotional message per back-off period.</li>
 * </ol>
 *
 * <p>Why this order: refusals that hold whatever the day (consent, blocks) come first; quiet hours come before the
 * rules that count today's messages, because a held message is checked again at release by every rule, against the
 * counts of its new day — so that a message arriving at 23:00 waits for the morning rather than being dropped by
 * what tonight's counts say. Priority comes before the caps so that a loser waits for a better day instead of being
 * dropped by a cap the winner filled.
 *
 * <p>Every reject and hold is recorded as a {@link MessageSuppressed} in the {@link SuppressionLog}: by
 * {@link #checkAll}, or by the caller of {@link #decideAll} through {@link #record}, with its own writes. The policy
 * does not record sends: the message flow records them in the {@link ContactLog} when it queues them. Within one
 * {@link #checkAll} call, messages allowed count as sent now for the person's later candidates.
 *
 * <p>Cost: {@link #checkAll} reads each store once per batch of {@link ContactPolicySettings#batchPersons()}
 * persons (the contact log over the look-back window of about a week), and each check is a pass over the person's
 * contacts of that window; an allow allocates nothing but the in-batch contact. A message whose key is on record
 * already (queued by an earlier run of the same step) is allowed without counting it again: the outbox keeps one
 * message per key. Thread-safe: calls share nothing but the stores.
 */
public final class ContactPolicy {
  private final ConsentCheck consent;
  private final ContactLog contactLog;
  private final ContactBlocks blocks;
  private final Function<Collection<PersonId>, Map<PersonId, List<PersonId>>> mergedInto;
  private final PreferenceStore preferences;
  private final SuppressionLog suppressions;
  private final ContactPolicySettings settings;
  private final Clock clock;
  private final ConsentRule consentRule;
  private final List<ContactRule> rules;

  public ContactPolicy(ConsentCheck consent, ContactLog contactLog, ContactBlocks blocks, PreferenceStore preferences,
      SuppressionLog suppressions, ContactPolicySettings settings, Clock clock) {
    this(consent, contactLog, blocks, preferences, suppressions, settings, clock, persons -> Map.of());
  }

  /**
   * @param mergedInto the persons merged into each of the persons asked (directly or not; a person with none may be
   *                   missing): their unsubscribes and do-not-contact blocks hold for the survivor, as their consent
   *                   records do for the consent check
   */
  public ContactPolicy(ConsentCheck consent, ContactLog contactLog, ContactBlocks blocks, PreferenceStore preferences,
      SuppressionLog suppressions, ContactPolicySettings settings, Clock clock,
      Function<Collection<PersonId>, Map<PersonId, List<PersonId>>> mergedInto) {
    if (consent == null || contactLog == null || blocks == null || preferences == null || suppressions == null
        || settings == null || clock == null || mergedInto == null) {
      throw new IllegalArgumentException("the contact policy needs the consent check, its four stores, settings, "
          + "a clock and the merged-persons lookup");
    }
    this.consent = consent;
    this.contactLog = contactLog;
    this.blocks = blocks;
    this.mergedInto = mergedInto;
    this.preferences = preferences;
    this.suppressions = suppressions;
    this.settings = settings;
    this.clock = clock;
    this.consentRule = new ConsentRule(settings);
    this.rules = List.of(consentRule, new BlockRule(), new QuietHoursRule(settings), new PreferenceRule(),
        new PriorityRule(settings), new FrequencyCapRule(settings), new FatigueRule(settings));
  }

  /** The rules' codes in the order they are asked (a block answers {@code do_not_contact} or {@code unsubscribed}). */
  public List<String> ruleOrder() {
    return rules.stream().map(ContactRule::name).toList();
  }

  public ContactPolicySettings settings() {
    return settings;
  }

  /**
   * Checks only the standing refusals — consent and blocks (unsubscribed, do-not-contact) — of one message now: what
   * a message queued earlier must still pass when it goes, since the person may have withdrawn consent or
   * unsubscribed in between. A refusal is recorded as a {@link MessageSuppressed}.
   */
  public Verdict standing(Candidate c) {
    Instant now = clock.instant();
    PersonContext ctx = new PersonContext(c.person(), List.of(), 0,
        blocksOf(List.of(c.person()), mergedInto.apply(List.of(c.person()))).getOrDefault(c.person(), List.of()),
        ContactPreferences.none(c.person()));
    if (consentRule.needsConsent(c)) {
      ctx.consent.put(c.channel().purpose(), consent.check(c.person(), c.channel().purpose()));
    }
    Moment m = Moment.of(now, c.zone(), settings.weekStart());
    for (int r = 0; r < 2; r++) { // the consent rule, then the block rule: see the constructor
      Verdict v = rules.get(r).check(c, ctx, m);
      if (v instanceof Verdict.Reject reject) {
        suppressions.append(List.of(new MessageSuppressed(c.person(), c.messageKey(), reject.rule(),
            reject.reason(), now, Optional.empty())));
        return v;
      }
    }
    return Verdict.ALLOW;
  }

  /** Checks one message now. */
  public Verdict check(Candidate candidate) {
    return checkAll(List.of(candidate)).get(0);
  }

  /**
   * Checks a batch of messages now (an audience of a campaign, a journey step's due messages): the verdicts in the
   * candidates' order. A person's candidates are checked highest priority first (in input order among equals), each
   * seeing the ones allowed before it as sent.
   */
  public List<Verdict> checkAll(List<Candidate> candidates) {
    Decisions d = decideAll(candidates);
    record(d.suppressed());
    return d.verdicts();
  }

  /**
   * The verdicts of a batch, in the candidates' order, and the suppressions they make (each reject and hold, as
   * {@link #checkAll} would record them).
   */
  public record Decisions(List<Verdict> verdicts, List<MessageSuppressed> suppressed) {}

  /**
   * {@link #checkAll} without recording anything: the caller records the suppressions with {@link #record} (with
   * what it writes for the allowed messages, in one unit of work). Reads only.
   */
  public Decisions decideAll(List<Candidate> candidates) {
    int n = candidates.size();
    if (n == 0) {
      return new Decisions(List.of(), List.of());
    }
    Instant now = clock.instant();
    // group by person with a counting sort: one hash map, primitive arrays
    HashMap<PersonId, Integer> groupOf = new HashMap<>(Math.max(16, (int) Math.min(n * 4L / 3 + 1, 1 << 30)));
    List<PersonId> persons = new ArrayList<>();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      Candidate c = candidates.get(i);
      if (c == null) {
        throw new IllegalArgumentException("candidate " + i + " is null");
      }
      Integer g = groupOf.get(c.person());
      if (g == null) {
        g = persons.size();
        groupOf.put(c.person(), g);
        persons.add(c.person());
      }
      group[i] = g;
    }
    groupOf = null;
    int groups = persons.size();
    int[] start = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      start[group[i] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] order = new int[n];
    int[] fill = Arrays.copyOf(start, groups);
    for (int i = 0; i < n; i++) {
      order[fill[group[i]]++] = i;
    }
    group = null;
    fill = null;
    for (int g = 0; g < groups; g++) { // highest priority first, stable: groups are small
      for (int a = start[g] + 1; a < start[g + 1]; a++) {
        int idx = order[a];
        int prio = candidates.get(idx).priority();
        int b = a - 1;
        while (b >= start[g] && candidates.get(order[b]).priority() < prio) {
          order[b + 1] = order[b];
          b--;
        }
        order[b + 1] = idx;
      }
    }

    Verdict[] out = new Verdict[n];
    List<MessageSuppressed> suppressed = new ArrayList<>();
    Map<ZoneId, Moment> moments = new HashMap<>();
    Instant since = now.minus(settings.lookBack());
    for (int from = 0; from < groups; from += settings.batchPersons()) {
      int to = Math.min(groups, from + settings.batchPersons());
      List<PersonId> chunk = persons.subList(from, to);
      Map<PersonId, ContactHistory> histories = contactLog.histories(chunk, since);
      Map<PersonId, List<PersonId>> merged = mergedInto.apply(chunk);
      Map<PersonId, List<ContactBlock>> blocked = blocksOf(chunk, merged);
      Map<PersonId, ContactPreferences> chosen = preferencesOf(chunk, merged);
      EnumMap<Purpose, Map<PersonId, ConsentDecision>> decisions = consents(candidates, order, start, from, to,
          persons);
      for (int g = from; g < to; g++) {
        PersonId person = persons.get(g);
        ContactHistory history = histories.get(person);
        List<ContactBlock> personBlocks = blocked.get(person);
        ContactPreferences prefs = chosen.get(person);
        PersonContext ctx = new PersonContext(person, history == null ? List.of() : history.recent(),
            history == null ? 0 : history.unopenedInARow(), personBlocks == null ? List.of() : personBlocks,
            prefs == null ? ContactPreferences.none(person) : prefs);
        decisions.forEach((purpose, byPerson) -> {
          ConsentDecision d = byPerson.get(person);
          if (d != null) {
            ctx.consent.put(purpose, d);
          }
        });
        for (int a = start[g]; a < start[g + 1]; a++) {
          int idx = order[a];
          Candidate c = candidates.get(idx);
          Moment m = moments.computeIfAbsent(c.zone(), z -> Moment.of(now, z, settings.weekStart()));
          if (ctx.onRecord(c.messageKey())) {
            // queued before (a resumed broadcast, a journey step run again): the outbox keeps the one message
            out[idx] = Verdict.ALLOW;
            continue;
          }
          Verdict v = evaluate(c, ctx, m);
          out[idx] = v;
          if (v == Verdict.ALLOW) {
            ctx.allowed(new Contact(person, c.messageKey(), c.channel(), c.category(), c.topic(), c.priority(), now,
                Optional.empty()));
          } else if (v instanceof Verdict.Reject r) {
            suppressed.add(new MessageSuppressed(person, c.messageKey(), r.rule(), r.reason(), now, Optional.empty()));
          } else if (v instanceof Verdict.Hold h) {
            suppressed.add(new MessageSuppressed(person, c.messageKey(), h.rule(), h.reason(), now,
                Optional.of(h.until())));
          }
        }
      }
    }
    return new Decisions(Arrays.asList(out), suppressed);
  }

  /** Records suppressions {@link #decideAll} made. */
  public void record(List<MessageSuppressed> suppressed) {
    if (!suppressed.isEmpty()) {
      suppressions.append(suppressed);
    }
  }

  /**
   * The persons' preference-centre choices: their own, else the latest made by a person merged into them (choices made
   * on another device before a login follow the person).
   */
  private Map<PersonId, ContactPreferences> preferencesOf(List<PersonId> persons,
      Map<PersonId, List<PersonId>> merged) {
    return withMerged(persons, merged, preferences::find, (p, found) -> {
      ContactPreferences own = found.get(0);
      if (own.person().equals(p)) {
        return own;
      }
      ContactPreferences latest = found.stream().max(java.util.Comparator.comparing(ContactPreferences::updatedAt))
          .orElseThrow();
      return new ContactPreferences(p, latest.channels(), latest.mutedTopics(), latest.frequency(),
          latest.updatedAt());
    });
  }

  /** The persons' blocks with those of the persons merged into them (an unsubscribe follows the person). */
  private Map<PersonId, List<ContactBlock>> blocksOf(List<PersonId> persons, Map<PersonId, List<PersonId>> merged) {
    return withMerged(persons, merged, blocks::of, (p, found) -> found.stream().flatMap(List::stream).toList());
  }

  /**
   * Reads {@code read} for the persons and those merged into them in one call, and folds each person's values (their
   * own first, if any, then the merged persons') into one; a person with none is left out.
   */
  private static <T> Map<PersonId, T> withMerged(List<PersonId> persons, Map<PersonId, List<PersonId>> merged,
      Function<List<PersonId>, Map<PersonId, T>> read, java.util.function.BiFunction<PersonId, List<T>, T> fold) {
    if (merged.values().stream().allMatch(List::isEmpty)) {
      return read.apply(persons);
    }
    List<PersonId> all = new ArrayList<>(persons);
    merged.values().forEach(all::addAll);
    Map<PersonId, T> found = read.apply(all);
    Map<PersonId, T> out = new HashMap<>();
    for (PersonId p : persons) {
      List<T> values = new ArrayList<>();
      if (found.containsKey(p)) {
        values.add(found.get(p));
      }
      for (PersonId m : merged.getOrDefault(p, List.of())) {
        if (found.containsKey(m)) {
          values.add(found.get(m));
        }
      }
      if (!values.isEmpty()) {
        out.put(p, fold.apply(p, values));
      }
    }
    return out;
  }

  private Verdict evaluate(Candidate c, PersonContext ctx, Moment m) {
    for (int r = 0; r < rules.size(); r++) {
      Verdict v = rules.get(r).check(c, ctx, m);
      if (v != Verdict.ALLOW) {
        return v;
      }
    }
    return Verdict.ALLOW;
  }

  /** The consent decisions the chunk's candidates need: one bulk check per purpose, for the persons needing it. */
  private EnumMap<Purpose, Map<PersonId, ConsentDecision>> consents(List<Candidate> candidates, int[] order,
      int[] start, int from, int to, List<PersonId> persons) {
    EnumMap<Purpose, List<PersonId>> needed = new EnumMap<>(Purpose.class);
    for (int g = from; g < to; g++) {
      for (int a = start[g]; a < start[g + 1]; a++) {
        Candidate c = candidates.get(order[a]);
        if (consentRule.needsConsent(c)) {
          List<PersonId> list = needed.computeIfAbsent(c.channel().purpose(), p -> new ArrayList<>());
          if (list.isEmpty() || !list.get(list.size() - 1).equals(persons.get(g))) {
            list.add(persons.get(g));
          }
        }
      }
    }
    EnumMap<Purpose, Map<PersonId, ConsentDecision>> out = new EnumMap<>(Purpose.class);
    needed.forEach((purpose, who) -> out.put(purpose, consent.check(who, purpose)));
    return out;
  }
}
