package io.shopsense.store.jdbc;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.Contact;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactPreferences;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.campaign.policy.Candidate;
import io.shopsense.core.campaign.policy.ContactPolicy;
import io.shopsense.core.campaign.policy.ContactPolicySettings;
import io.shopsense.core.campaign.policy.Verdict;
import io.shopsense.store.jdbc.campaign.JdbcContactBlocks;
import io.shopsense.store.jdbc.campaign.JdbcContactLog;
import io.shopsense.store.jdbc.campaign.JdbcPreferenceStore;
import io.shopsense.store.jdbc.campaign.JdbcSuppressionLog;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cost of the contact-pressure policy over an audience, on the JDBC stores: {@code checkAll} over N candidates
 * (one promotional email each, persons in three time zones, a fifth of them with two contacts this week, 1% blocked,
 * 5% with preferences), against the baseline of the same loop with the policy off (the candidates built and counted);
 * then single {@code check} calls, p50 and p99. Consent is answered by a constant check in memory (every 50th person
 * refused), so that the figure is the policy's and its stores', not the consent cache's. Not a test:
 * {@code java ... ContactPolicyBench [persons] [h2|postgres]}.
 */
public final class ContactPolicyBench {
  private ContactPolicyBench() {}

  public static void main(String[] args) throws Exception {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean pg = args.length > 1 && args[1].startsWith("postgres");
    String schema = "bench_policy_" + System.nanoTime() % 100_000;
    JdbcStores stores = pg ? JdbcStores.postgres("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", schema)
        : JdbcStores.h2(Files.createTempDirectory("policy-bench-"));
    try (stores) {
      run(stores, persons, pg);
    } finally {
      if (pg) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
          c.createStatement().execute("drop schema " + schema + " cascade");
        }
      }
    }
  }

  private static void run(JdbcStores stores, int persons, boolean pg) throws Exception {
    {
      var log = new JdbcContactLog(stores.dataSource());
      var blocks = new JdbcContactBlocks(stores.dataSource());
      var prefs = new JdbcPreferenceStore(stores.dataSource());
      var suppressions = new JdbcSuppressionLog(stores.dataSource());
      Instant now = Instant.parse("2026-11-25T10:00:00Z"); // 11:00 Berlin, 18:00 Shanghai, 05:00 New York (quiet)
      long t = System.nanoTime();
      List<Contact> batch = new ArrayList<>();
      for (int i = 0; i < persons; i += 5) {
        PersonId p = person(i);
        batch.add(Contact.sent(p, "old-a-" + i, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 1,
            now.minus(Duration.ofDays(2))));
        batch.add(Contact.sent(p, "old-b-" + i, Channel.EMAIL, ContentCategory.PROMOTIONAL, "", 1,
            now.minus(Duration.ofHours(2))));
        if (batch.size() >= 10_000) {
          log.record(batch);
          batch.clear();
        }
        if (i % 100 == 0) {
          blocks.add(ContactBlock.channel(p, ContactBlock.Kind.UNSUBSCRIBED, Channel.EMAIL, "bench", now));
        }
        if (i % 20 == 0) {
          prefs.save(new ContactPreferences(p, EnumSet.of(Channel.EMAIL), Set.of("kids"),
              ContactPreferences.Frequency.DAILY, now));
        }
      }
      log.record(batch);
      if (pg) { // as autovacuum would have done on a table of this size
        try (var c = stores.dataSource().getConnection()) {
          c.createStatement().execute("analyze");
        }
      }
      System.out.printf("setup: %,d persons, contact log filled in %.1f s%n", persons, seconds(t));

      ZoneId[] zones = {ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York")};
      List<Candidate> audience = new ArrayList<>(persons);
      for (int i = 0; i < persons; i++) {
        audience.add(Candidate.forCampaign("bench", person(i), Channel.EMAIL, ContentCategory.PROMOTIONAL,
            i % 7 == 0 ? "kids" : "", 2, zones[i % zones.length]));
      }
      ContactPolicy policy = new ContactPolicy(new ConstantConsent(), log, blocks, prefs, suppressions,
          ContactPolicySettings.defaults(), Clock.fixed(now, ZoneOffset.UTC));

      // warm-up on a slice, then the whole audience
      policy.checkAll(audience.subList(0, Math.min(persons, 50_000)));
      t = System.nanoTime();
      long off = 0;
      for (Candidate c : audience) {
        off += c.messageKey().length();
      }
      double offSeconds = seconds(t);
      t = System.nanoTime();
      List<Verdict> verdicts = policy.checkAll(audience);
      double onSeconds = seconds(t);
      Map<String, Integer> outcomes = new TreeMap<>();
      for (Verdict v : verdicts) {
        String k = v instanceof Verdict.Reject r ? "reject " + r.rule()
            : v instanceof Verdict.Hold h ? "hold " + h.rule() : "allow";
        outcomes.merge(k, 1, Integer::sum);
      }
      System.out.printf("checkAll over %,d candidates (%s): %.1f s = %,.0f checks/s; policy off (loop only): "
          + "%.3f s [%d]%n", persons, pg ? "PostgreSQL" : "H2 file", onSeconds, persons / onSeconds, offSeconds,
          off % 10);
      System.out.println("verdicts: " + outcomes);

      // where the time goes: each store's bulk read over the audience, in the policy's batches
      List<PersonId> ids = audience.stream().map(Candidate::person).toList();
      int chunk = ContactPolicySettings.defaults().batchPersons();
      String[] names = {"contact log", "blocks", "preferences"};
      for (int port = 0; port < 3; port++) {
        t = System.nanoTime();
        for (int from = 0; from < persons; from += chunk) {
          List<PersonId> slice = ids.subList(from, Math.min(persons, from + chunk));
          switch (port) {
            case 0 -> log.histories(slice, now.minus(Duration.ofDays(8)));
            case 1 -> blocks.of(slice);
            default -> prefs.find(slice);
          }
        }
        System.out.printf("  bulk read of %s: %.1f s%n", names[port], seconds(t));
      }

      int singles = 5_000;
      long[] nanos = new long[singles];
      for (int i = 0; i < singles; i++) {
        Candidate c = audience.get((int) ((i * 7919L) % persons));
        long s = System.nanoTime();
        policy.check(c);
        nanos[i] = System.nanoTime() - s;
      }
      Arrays.sort(nanos);
      System.out.printf("single check (stores read per call): p50 %.2f ms, p99 %.2f ms over %,d calls%n",
          nanos[singles / 2] / 1e6, nanos[singles * 99 / 100] / 1e6, singles);
    }
  }

  private static PersonId person(int i) {
    return PersonId.of("p" + i);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** Every 50th person refused email marketing; everyone else allowed. */
  private static final class ConstantConsent implements ConsentCheck {
    @Override
    public ConsentDecision check(PersonId person, Purpose purpose) {
      return person.value().hashCode() % 50 == 0 ? new ConsentDecision.Refused(purpose,
          ConsentDecision.CONSENT_WITHDRAWN) : new ConsentDecision.Allowed(purpose, LawfulBasis.CONSENT, false);
    }

    @Override
    public Map<PersonId, ConsentDecision> check(Collection<PersonId> persons, Purpose purpose) {
      Map<PersonId, ConsentDecision> out = new HashMap<>();
      for (PersonId p : persons) {
        out.put(p, check(p, purpose));
      }
      return out;
    }
  }
}
