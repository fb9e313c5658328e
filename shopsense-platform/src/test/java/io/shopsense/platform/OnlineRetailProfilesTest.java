package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportProgress;
import io.shopsense.core.imports.ImportReport;
import io.shopsense.core.imports.RealData;
import io.shopsense.core.profile.BehaviourView;
import io.shopsense.core.profile.LifecycleStage;
import io.shopsense.core.profile.LifecycleWindows;
import io.shopsense.core.profile.Profile;
import io.shopsense.core.profile.ProfileModel;
import io.shopsense.core.profile.ProfileRefresh;
import io.shopsense.core.profile.ProfileService;
import io.shopsense.core.profile.ProfileState;
import io.shopsense.platform.OnlineRetailLedger.Buyer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of profiles on real data: the whole UCI Online Retail file (all 541,909 rows; the import through the
 * embedded platform takes about two minutes here, so no subset is needed) is imported, the pipeline caught up and the
 * profiles refreshed; then the profiles are checked against a "spreadsheet" computation of the raw CSV
 * ({@link OnlineRetailLedger}, which uses no ShopSense class): 20 customers chosen by a seeded generator (7 with
 * cancellations, 7 with exactly one order, 6 repeat buyers) field by field, then every person of the file; the RFM cut
 * points, scores and segments recomputed by hand over the whole base; the RFM grid and the lifecycle distribution
 * (at the refresh's real-clock instant, where nearly everyone is churned, and as of the day after the data's last day).
 * The figures are written to {@code ${java.io.tmpdir}/online-retail-profiles.md}, before the assertions, so that a
 * disagreement is reported with the figures.
 */
class OnlineRetailProfilesTest {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(OnlineRetailLedger.LONDON);
  private static final List<String> STAGES = Arrays.stream(LifecycleStage.values()).map(LifecycleStage::key).toList();

  @TempDir
  Path dir;

  @Test
  void profilesOfTheOnlineRetailFileAgreeWithASpreadsheetComputationOfTheRawCsv() throws Exception {
    Path file = RealData.require("online_retail/online_retail.csv.gz");
    long start = System.nanoTime();
    OnlineRetailLedger hand = OnlineRetailLedger.read(file);
    long handMillis = millisSince(start);
    List<String> disagreements = new ArrayList<>();

    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      start = System.nanoTime();
      ImportReport r = p.importer().run(ImportJob.of("online_retail", ImportJob.files(file), Map.of()),
          ImportProgress.NONE);
      long importMillis = millisSince(start);
      start = System.nanoTime();
      PlatformFixture.awaitPipeline(p);
      long pipelineMillis = millisSince(start);
      start = System.nanoTime();
      ProfileRefresh.Report refresh = p.profileConsumer().requestRefresh().get(5, TimeUnit.MINUTES);
      long refreshMillis = millisSince(start);
      System.out.print(r.summary());
      ProfileModel model = refresh.model();
      LifecycleWindows windows = model.windows();

      // the import rejected the rows the hand computation excludes, and sent one event per invoice and identify
      long handRejected = hand.rejected.values().stream().mapToLong(Long::longValue).sum();
      check(disagreements, "rows read", hand.rows, r.rowsRead());
      check(disagreements, "rows rejected", handRejected, r.rowsRejected());
      check(disagreements, "events accepted (invoices + identifies)",
          hand.saleInvoices + hand.cancellationInvoices + hand.identifies, r.eventsAccepted());
      long profiles = p.stores().profileStore().count();
      check(disagreements, "profiles (customers + guest invoices)", (long) hand.buyers().size(), profiles);

      // RFM cut points and lifecycle windows, by hand over the whole base (customers and guests with an order)
      List<Buyer> base = hand.withOrders();
      double[] rCuts = OnlineRetailLedger.cuts(base.stream().mapToDouble(OnlineRetailLedger::recencyValue).toArray());
      double[] fCuts = OnlineRetailLedger.cuts(base.stream().mapToDouble(OnlineRetailLedger::frequencyValue).toArray());
      double[] mCuts = OnlineRetailLedger.cuts(base.stream().mapToDouble(OnlineRetailLedger::monetaryValue).toArray());
      check(disagreements, "RFM base size", (long) base.size(), (long) model.rfm().customers());
      check(disagreements, "recency cuts", Arrays.toString(rCuts), Arrays.toString(model.rfm().recencyCuts()));
      check(disagreements, "frequency cuts", Arrays.toString(fCuts), Arrays.toString(model.rfm().frequencyCuts()));
      check(disagreements, "monetary cuts", Arrays.toString(mCuts), Arrays.toString(model.rfm().monetaryCuts()));
      Duration[] handWindows = OnlineRetailLedger.windows(base);
      check(disagreements, "lifecycle windows", handWindows[0] + " / " + handWindows[1],
          windows.activeFor() + " / " + windows.churnAfter());

      // every person of the file, then the 20 of the table
      Map<String, Hand> rows = new LinkedHashMap<>();
      long[][] handGrid = new long[5][5];
      Map<String, Long> handSegments = new LinkedHashMap<>();
      Map<String, Long> handNow = zeroStages();
      Map<String, Long> handAsOf = zeroStages();
      Instant asOf = hand.lastInvoice.atZone(OnlineRetailLedger.LONDON).toLocalDate().plusDays(1)
          .atStartOfDay(OnlineRetailLedger.LONDON).toInstant();
      for (Buyer b : hand.buyers()) {
        Hand h = new Hand(b, b.orders == 0 ? 0 : OnlineRetailLedger.score(rCuts, OnlineRetailLedger.recencyValue(b)),
            b.orders == 0 ? 0 : OnlineRetailLedger.score(fCuts, OnlineRetailLedger.frequencyValue(b)),
            b.orders == 0 ? 0 : OnlineRetailLedger.score(mCuts, OnlineRetailLedger.monetaryValue(b)),
            OnlineRetailLedger.stage(b, windows.activeFor(), windows.churnAfter(), refresh.at()),
            OnlineRetailLedger.stage(b, windows.activeFor(), windows.churnAfter(), asOf));
        rows.put(key(b), h);
        if (b.orders > 0) {
          handGrid[h.r - 1][OnlineRetailLedger.fm(h.f, h.m) - 1]++;
          handSegments.merge(h.segment(), 1L, Long::sum);
        }
        handNow.merge(h.stageNow, 1L, Long::sum);
        handAsOf.merge(h.stageAsOf, 1L, Long::sum);
        Profile profile = p.profiles().find(identifier(b)).orElse(null);
        if (profile == null) {
          disagreements.add(key(b) + ": no profile");
          continue;
        }
        compare(disagreements, h, profile);
      }

      List<Buyer> checked = pick20(hand);
      SoftAssertions soft = new SoftAssertions();
      for (Buyer b : checked) {
        Hand h = rows.get(key(b));
        Profile profile = p.profiles().find(identifier(b)).orElseThrow();
        BehaviourView v = profile.behaviour();
        soft.assertThat(v.orders()).as(b.id + " orders").isEqualTo(b.orders);
        soft.assertThat(v.revenue()).as(b.id + " revenue").isEqualByComparingTo(b.revenue);
        soft.assertThat(v.refunded()).as(b.id + " refunded").isEqualByComparingTo(b.refunded);
        soft.assertThat(v.netRevenue()).as(b.id + " net revenue").isEqualByComparingTo(b.net());
        soft.assertThat(v.lastOrder()).as(b.id + " last order").isEqualTo(b.lastOrder);
        soft.assertThat(profile.rfm()).as(b.id + " rfm").isNotNull();
        if (profile.rfm() != null) {
          soft.assertThat(profile.rfm().recency()).as(b.id + " R").isEqualTo(h.r);
          soft.assertThat(profile.rfm().frequency()).as(b.id + " F").isEqualTo(h.f);
          soft.assertThat(profile.rfm().monetary()).as(b.id + " M").isEqualTo(h.m);
          soft.assertThat(profile.rfm().label()).as(b.id + " segment").isEqualTo(h.segment());
        }
      }

      // the grid and the distributions
      ProfileService.RfmGrid grid = p.profiles().rfmGrid();
      long[][] platformGrid = new long[5][5];
      grid.grid().forEach(c -> platformGrid[c.recency() - 1][c.frequencyMonetary() - 1] = c.persons());
      check(disagreements, "RFM grid customers", (long) base.size(), grid.customers());
      check(disagreements, "RFM grid", Arrays.deepToString(handGrid), Arrays.deepToString(platformGrid));
      Map<String, Long> platformSegments = new LinkedHashMap<>();
      grid.bySegment().forEach((k, n) -> {
        if (n > 0) {
          platformSegments.put(k, n);
        }
      });
      Map<String, Long> handSegmentKeys = new LinkedHashMap<>();
      handSegments.forEach((label, n) -> handSegmentKeys.put(label.toLowerCase(Locale.ROOT).replace(' ', '_'), n));
      check(disagreements, "RFM segments", new java.util.TreeMap<>(handSegmentKeys).toString(),
          new java.util.TreeMap<>(platformSegments).toString());
      Map<String, Long> platformNow = p.profiles().lifecycleDistribution();
      check(disagreements, "lifecycle distribution at " + refresh.at(), handNow.toString(), platformNow.toString());
      Map<String, Long> platformAsOf = zeroStages();
      p.stores().profileStore().scan(s -> {
        ProfileState state = p.profileEngine().decode(s);
        LifecycleWindows.StageAt stage = windows.stageAt(state.behaviour().view().firstSeen(),
            state.behaviour().orderTimes(), asOf);
        platformAsOf.merge(stage.stage().key(), 1L, Long::sum);
      });
      check(disagreements, "lifecycle distribution as of " + asOf, handAsOf.toString(), platformAsOf.toString());

      Path out = Path.of(System.getProperty("java.io.tmpdir"), "online-retail-profiles.md");
      Files.writeString(out, report(hand, r, importMillis, pipelineMillis, refreshMillis, refresh, handMillis, base,
          checked, rows, platformGrid, grid, platformNow, platformAsOf, asOf, disagreements));
      System.out.println("wrote " + out);

      assertThat(r.reconciles()).isTrue();
      assertThat(grid.customers()).isEqualTo(base.size());
      assertThat(platformNow.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(profiles);
      assertThat(platformAsOf.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(profiles);
      assertThat(checked).hasSize(20);
      soft.assertAll();
      assertThat(disagreements).as("the profiles against the spreadsheet computation").isEmpty();
    }
  }

  /** A person's hand-computed scores and stages. */
  private record Hand(Buyer b, int r, int f, int m, String stageNow, String stageAsOf) {
    String segment() {
      return b.orders == 0 ? null : OnlineRetailLedger.segment(r, f, m);
    }
  }

  private static void compare(List<String> out, Hand h, Profile profile) {
    Buyer b = h.b;
    BehaviourView v = profile.behaviour();
    String who = key(b);
    check(out, who + " orders", b.orders, v.orders());
    check(out, who + " refunds", b.refunds, v.refunds());
    money(out, who + " revenue", b.revenue, v.revenue());
    money(out, who + " refunded", b.refunded, v.refunded());
    money(out, who + " net revenue", b.net(), v.netRevenue());
    check(out, who + " last order", b.lastOrder, v.lastOrder());
    check(out, who + " days between orders", b.daysBetweenOrders(), v.daysBetweenOrders());
    check(out, who + " lifecycle stage", h.stageNow, profile.lifecycleStage());
    String hand = b.orders == 0 ? null : h.r + "-" + h.f + "-" + h.m + " " + h.segment();
    String platform = profile.rfm() == null ? null
        : profile.rfm().recency() + "-" + profile.rfm().frequency() + "-" + profile.rfm().monetary() + " "
            + profile.rfm().label();
    check(out, who + " RFM", hand, platform);
  }

  private static void money(List<String> out, String what, BigDecimal hand, BigDecimal platform) {
    if (platform == null || hand.compareTo(platform) != 0) {
      out.add(what + ": hand " + hand.toPlainString() + ", profile " + (platform == null ? null
          : platform.toPlainString()));
    }
  }

  private static void check(List<String> out, String what, Object hand, Object platform) {
    if (!Objects.equals(hand, platform)) {
      out.add(what + ": hand " + hand + ", profile " + platform);
    }
  }

  /** 7 customers with a cancellation, 7 with exactly one order, 6 other repeat buyers: seeded, then by id. */
  static List<Buyer> pick20(OnlineRetailLedger hand) {
    Random random = new Random(20_111_209L);
    List<Buyer> cancelled = new ArrayList<>();
    List<Buyer> once = new ArrayList<>();
    List<Buyer> repeat = new ArrayList<>();
    for (Buyer b : hand.customers.values()) {
      if (b.orders == 0) {
        continue;
      }
      (b.refunds > 0 ? cancelled : b.orders == 1 ? once : repeat).add(b);
    }
    List<Buyer> out = new ArrayList<>();
    for (Object[] take : new Object[][] {{cancelled, 7}, {once, 7}, {repeat, 6}}) {
      @SuppressWarnings("unchecked")
      List<Buyer> from = (List<Buyer>) take[0];
      Collections.shuffle(from, random);
      out.addAll(from.subList(0, (Integer) take[1]));
    }
    out.sort(Comparator.comparing(b -> b.id));
    return out;
  }

  private static Identifier identifier(Buyer b) {
    return b.guest ? new Identifier(IdentifierKind.ANONYMOUS_ID, "online_retail:guest:" + b.id)
        : new Identifier(IdentifierKind.USER_ID, b.id);
  }

  private static String key(Buyer b) {
    return b.guest ? "guest " + b.id : "customer " + b.id;
  }

  private static Map<String, Long> zeroStages() {
    Map<String, Long> m = new LinkedHashMap<>();
    STAGES.forEach(s -> m.put(s, 0L));
    return m;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String report(OnlineRetailLedger hand, ImportReport r, long importMillis, long pipelineMillis,
      long refreshMillis, ProfileRefresh.Report refresh, long handMillis, List<Buyer> base, List<Buyer> checked,
      Map<String, Hand> rows, long[][] grid, ProfileService.RfmGrid rfmGrid, Map<String, Long> now,
      Map<String, Long> asOfDistribution, Instant asOf, List<String> disagreements) throws IOException {
    StringBuilder s = new StringBuilder();
    ProfileModel model = refresh.model();
    long guests = base.stream().filter(b -> b.guest).count();
    s.append("# Online Retail: profiles against a spreadsheet computation\n\n");
    s.append("Source: `online_retail/online_retail.csv.gz` (whole file), test `OnlineRetailProfilesTest`.\n\n");
    s.append("## Import\n\n");
    s.append(String.format(Locale.ROOT, "- rows read %,d: accepted %,d, rejected %,d (%s)%n", r.rowsRead(),
        r.rowsAccepted(), r.rowsRejected(), hand.rejected));
    s.append(String.format(Locale.ROOT, "- events accepted %,d = %,d sale invoices (Order Completed) + %,d "
        + "cancellations (Order Refunded) + %,d identifies%n", r.eventsAccepted(), hand.saleInvoices,
        hand.cancellationInvoices, hand.identifies));
    s.append(String.format(Locale.ROOT, "- import %.1f s (report: %.1f s), pipeline catch-up %.1f s, profile refresh "
        + "%.1f s (refresh's own figure %d ms); raw-CSV hand computation %.1f s%n", importMillis / 1000.0,
        r.elapsed().toMillis() / 1000.0, pipelineMillis / 1000.0, refreshMillis / 1000.0, refresh.millis(),
        handMillis / 1000.0));
    s.append(String.format(Locale.ROOT, "- profiles %,d = %,d customers (CustomerID) + %,d guest invoices "
        + "(no CustomerID, one person each)%n", rows.size(), hand.customers.size(), hand.guests.size()));
    s.append(String.format(Locale.ROOT, "- RFM base (persons with >= 1 order) %,d = %,d customers + %,d guests%n%n",
        base.size(), base.size() - guests, guests));
    s.append("## RFM model (refit at ").append(refresh.at()).append(")\n\n");
    s.append("- recency cuts (last order): ").append(times(model.rfm().recencyCuts())).append('\n');
    s.append("- frequency cuts (orders): ").append(Arrays.toString(model.rfm().frequencyCuts())).append('\n');
    s.append("- monetary cuts (net revenue, GBP): ").append(Arrays.toString(model.rfm().monetaryCuts())).append('\n');
    s.append("- lifecycle windows (fitted): active for ").append(model.windows().activeFor()).append(", churned after ")
        .append(model.windows().churnAfter()).append("\n\n");
    s.append("## RFM grid (persons; rows R, columns FM = round-half-up mean of F and M)\n\n");
    s.append("| R \\ FM | 1 | 2 | 3 | 4 | 5 |\n|---|---:|---:|---:|---:|---:|\n");
    for (int rr = 5; rr >= 1; rr--) {
      s.append("| ").append(rr);
      for (int fm = 1; fm <= 5; fm++) {
        s.append(" | ").append(grid[rr - 1][fm - 1]);
      }
      s.append(" |\n");
    }
    s.append("\nTotal: ").append(rfmGrid.customers()).append("\n\n| segment | persons |\n|---|---:|\n");
    rfmGrid.bySegment().forEach((k, n) -> s.append("| ").append(k).append(" | ").append(n).append(" |\n"));
    s.append("\n## Lifecycle distribution\n\n| stage | real clock (").append(refresh.at()).append(") | as of ")
        .append(LOCAL.format(asOf)).append(" London |\n|---|---:|---:|\n");
    for (String stage : STAGES) {
      s.append("| ").append(stage).append(" | ").append(now.get(stage)).append(" | ").append(asOfDistribution.get(stage))
          .append(" |\n");
    }
    s.append("| total | ").append(now.values().stream().mapToLong(Long::longValue).sum()).append(" | ")
        .append(asOfDistribution.values().stream().mapToLong(Long::longValue).sum()).append(" |\n\n");
    s.append("## 20 hand-checked customers (seed 20111209: 7 with cancellations, 7 with one order, 6 repeat)\n\n");
    s.append("Hand = raw CSV, BigDecimal; every field equal to the profile unless listed under Disagreements.\n\n");
    s.append("| customer | orders | revenue | refunds | refunded | net | last order (London) | R | F | M | segment | "
        + "stage as of " + LOCAL.format(asOf).substring(0, 10) + " |\n");
    s.append("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---|\n");
    for (Buyer b : checked) {
      Hand h = rows.get(key(b));
      s.append("| ").append(b.id).append(" | ").append(b.orders).append(" | ").append(b.revenue.toPlainString())
          .append(" | ").append(b.refunds).append(" | ").append(b.refunded.toPlainString()).append(" | ")
          .append(b.net().toPlainString()).append(" | ").append(LOCAL.format(b.lastOrder)).append(" | ").append(h.r)
          .append(" | ").append(h.f).append(" | ").append(h.m).append(" | ").append(h.segment()).append(" | ")
          .append(h.stageAsOf).append(" |\n");
    }
    s.append("\n## Notes on the import's semantics (documented, mirrored by the hand computation)\n\n");
    List<Buyer> postage = hand.buyers().stream()
        .filter(b -> b.revenueWithPostage.compareTo(b.revenue) != 0).toList();
    List<Buyer> refundedPostage = hand.buyers().stream().filter(b -> b.refundedPostage.signum() != 0).toList();
    s.append(String.format(Locale.ROOT, "- order revenue excludes postage (POST, DOT, C2): %,d persons (%,d "
            + "customers) have postage on their orders, %s GBP in all, not in revenue%n", postage.size(),
        postage.stream().filter(b -> !b.guest).count(), postage.stream()
            .map(b -> b.revenueWithPostage.subtract(b.revenue)).reduce(BigDecimal.ZERO, BigDecimal::add)
            .toPlainString()));
    s.append(String.format(Locale.ROOT, "- refunds carry `total`, postage included: %,d persons (%,d customers) "
            + "have %s GBP of refunded postage subtracted from net revenue although postage never counted as "
            + "revenue%n", refundedPostage.size(), refundedPostage.stream().filter(b -> !b.guest).count(),
        refundedPostage.stream().map(b -> b.refundedPostage).reduce(BigDecimal.ZERO, BigDecimal::add)
            .toPlainString()));
    s.append(String.format(Locale.ROOT, "- customers with cancellations but no order: %,d (potential, no RFM); "
            + "persons with negative net revenue: %,d%n",
        hand.customers.values().stream().filter(b -> b.orders == 0).count(),
        base.stream().filter(b -> b.net().signum() < 0).count()));
    s.append(String.format(Locale.ROOT, "- guest invoices (no CustomerID) are %,d of the %,d persons of the RFM "
        + "base, each a one-order customer%n", guests, base.size()));
    s.append("\n## Disagreements\n\n");
    if (disagreements.isEmpty()) {
      s.append("None: every person's orders, refunds, revenue, refunded, net revenue, last order, days between "
          + "orders, lifecycle stage and RFM scores and segment, the cut points, the windows, the grid and both "
          + "distributions equal the hand computation.\n");
    } else {
      s.append(disagreements.size()).append(" (first 200):\n\n");
      disagreements.stream().limit(200).forEach(d -> s.append("- ").append(d).append('\n'));
    }
    return s.toString();
  }

  private static String times(double[] epochSeconds) {
    List<String> out = new ArrayList<>();
    for (double e : epochSeconds) {
      out.add(LOCAL.format(Instant.ofEpochSecond((long) e)));
    }
    return out.toString();
  }
}
