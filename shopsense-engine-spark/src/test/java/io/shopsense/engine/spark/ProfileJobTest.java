package io.shopsense.engine.spark;

import static io.shopsense.engine.spark.ShopLake.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.core.profile.BehaviourView;
import io.shopsense.core.profile.Interests;
import io.shopsense.core.profile.LifecycleWindows;
import io.shopsense.core.profile.ProfileEngine;
import io.shopsense.core.profile.ProfileModel;
import io.shopsense.core.profile.ProfileState;
import io.shopsense.core.profile.SegmentRules;
import io.shopsense.core.segment.RuleSyntaxException;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeSettings;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark rebuild against the local one ({@code LakeProfileSource.fold}, then
 * the same model fit and derivation) on a small shop's lake: equal states, model, facts and segments, person by
 * person. The job runs once for the class; each test looks at one side of its output.
 */
class ProfileJobTest {
  static final Map<String, String> RULES = rules();

  @TempDir
  static Path dir;

  private static SparkSession spark;
  private static Path lake;
  private static Path out;
  private static ShopLake.Built built;
  private static ProfileJob.Result result;
  private static Map<String, Row> rows;
  private static Local local;

  /** The local rebuild's outcome. */
  private record Local(ProfileModel model, Map<String, ProfileState> states, Map<String, ProfileFacts> facts,
      Map<String, Set<String>> segments) {}

  private static Map<String, String> rules() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("customers", "behaviour.orders >= 1");
    r.put("vip", "rfm.monetary >= 4 and behaviour.orders >= 2");
    r.put("recent-buyers", "count(event = 'Order Completed', within = 30d) >= 1");
    r.put("big-spend-90d", "sum(revenue, event = 'Order Completed', within = 90d) > 150");
    r.put("tea-lovers", "interest('category:Drinks/Tea') > 0.5");
    r.put("refunders", "behaviour.refunds > 0");
    r.put("lapsed", "lifecycle in ('silent', 'churned')");
    r.put("lapsed-vip", "in_segment('vip') and in_segment('lapsed')");
    r.put("mobile", "behaviour.devices contains 'mobile'");
    r.put("seen-lately", "days_since(behaviour.lastSeen) <= 14");
    r.put("gold-plan", "traits.plan = 'gold'");
    return r;
  }

  @BeforeAll
  static void rebuildBothWays() throws Exception {
    built = ShopLake.shared();
    lake = built.lake();
    out = dir.resolve("out");
    local = localRebuild();
    spark = LocalSpark.start("ProfileJobTest");
    result = ProfileJob.run(spark, lake, out, RULES, NOW);
    rows = new TreeMap<>();
    for (Row r : spark.read().parquet(out.resolve("profiles").toString()).collectAsList()) {
      rows.put(r.getString(r.fieldIndex("person_id")), r);
    }
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static Local localRebuild() throws Exception {
    ProfileEngine engine = ProfileEngine.defaults();
    Map<PersonId, ProfileState> states = new LinkedHashMap<>();
    new LakeProfileSource(LakeSettings.defaults(lake).withDuckDb("256MB", 1)).fold(engine, 1000, 2, states::putAll);
    ProfileModel.Fitter fitter = new ProfileModel.Fitter();
    states.values().forEach(s -> fitter.accept(engine.facts(s, NOW)));
    engine.model(fitter.fit(engine.configuredWindows(), NOW));
    engine.segments(SegmentRules.compile(RULES));
    Map<String, ProfileState> byId = new TreeMap<>();
    Map<String, ProfileFacts> facts = new TreeMap<>();
    Map<String, Set<String>> segments = new TreeMap<>();
    states.forEach((person, state) -> {
      BehaviourView view = state.behaviour().view();
      ProfileFacts f = engine.facts(state, view, NOW);
      byId.put(person.value(), state);
      facts.put(person.value(), f);
      segments.put(person.value(), new TreeSet<>(engine.segmentsOf(state, view, f, Properties.EMPTY, NOW)));
    });
    return new Local(engine.model(), byId, facts, segments);
  }

  @Test
  void foldsTheSameStateAsTheLocalRebuildForEveryPerson() {
    assertThat(rows.keySet()).containsExactlyElementsOf(local.states().keySet());
    local.states().forEach((person, state) -> {
      ProfileState spark = ProfileState.decode((byte[]) rows.get(person).getAs("state"), Interests.Settings.defaults());
      assertThat(spark).as(person).isEqualTo(state);
      assertThat(spark.behaviour().view()).as(person).isEqualTo(state.behaviour().view());
      assertThat(spark.recent()).as(person).isEqualTo(state.recent());
    });
  }

  @Test
  void fitsTheSameModelAsTheLocalRebuild() throws Exception {
    assertThat(result.model()).isEqualTo(local.model());
    assertThat(ProfileModel.fromJson(Files.readString(out.resolve("model.json")))).isEqualTo(local.model());
    assertThat(result.model().rfm().customers()).as("customers with orders").isGreaterThan(20);
    assertThat(result.model().windows()).as("enough repeat customers to fit the windows")
        .isNotEqualTo(LifecycleWindows.DEFAULTS);
    assertThat(result.model().fittedAt()).isEqualTo(NOW);
  }

  @Test
  void derivesTheSameFactsAsTheLocalRebuild() {
    local.facts().forEach((person, f) -> {
      Row r = rows.get(person);
      assertThat(facts(r)).as(person).isEqualTo(new ProfileFacts(f.lifecycleStage(), f.stageSince(), f.recency(),
          f.frequency(), f.monetary(), f.rfmSegment(), f.events(), f.orders(), ProfileRows.money(f.netRevenue()),
          f.firstSeen(), f.lastSeen(), f.lastOrder(), f.daysBetweenOrders()));
    });
    assertThat(new TreeSet<>(local.facts().values().stream().map(ProfileFacts::lifecycleStage).toList()))
        .as("the base spans the stages").contains("potential", "new", "active", "silent");
  }

  @Test
  void personsWithoutPersonalisationConsentAreInNoSegment() throws Exception {
    java.util.List<String> persons = new java.util.ArrayList<>(local.segments().keySet());
    java.util.Set<String> half = new TreeSet<>(persons.subList(0, persons.size() / 2));
    Path gatedOut = dir.resolve("gated-out");
    ProfileJob.run(spark, lake, gatedOut, RULES, NOW, half);
    long inSomeSegment = 0;
    for (Row r : spark.read().parquet(gatedOut.resolve("profiles").toString()).collectAsList()) {
      String person = r.getString(r.fieldIndex("person_id"));
      Set<String> in = new TreeSet<>(r.<String>getList(r.fieldIndex("segments")));
      if (half.contains(person)) {
        assertThat(in).as(person).isEqualTo(local.segments().get(person));
        inSomeSegment += in.isEmpty() ? 0 : 1;
      } else {
        assertThat(in).as(person).isEmpty();
      }
    }
    assertThat(inSomeSegment).isPositive();
  }

  @Test
  void evaluatesTheSameSegmentsAsTheLocalRebuild() {
    Map<String, Set<String>> spark = new TreeMap<>();
    rows.forEach((person, r) -> spark.put(person, new TreeSet<>(r.<String>getList(r.fieldIndex("segments")))));
    assertThat(spark).isEqualTo(local.segments());
    Set<String> used = new TreeSet<>();
    spark.values().forEach(used::addAll);
    assertThat(used).as("rules with members").hasSizeGreaterThanOrEqualTo(7)
        .doesNotContain("gold-plan"); // traits are not in the lake: a rule on them matches nobody here
  }

  @Test
  void attributesEventsToTheOwnersOfTheirIdentifiersAndReadsOnlyLiveFiles() {
    assertThat(built.allFiles()).as("the fixture leaves superseded files").isGreaterThan(built.liveFiles());
    assertThat(result.persons()).isEqualTo(ShopLake.PERSONS).isEqualTo(rows.size());
    Map<String, Long> events = new TreeMap<>();
    rows.forEach((person, r) -> events.put(person, r.<Long>getAs("events")));
    assertThat(events).isEqualTo(built.eventsByPerson());
    long owned = built.eventsByPerson().values().stream().mapToLong(Long::longValue).sum();
    assertThat(owned).as("the strangers' events are in the lake but in no profile").isLessThan(built.events());
  }

  @Test
  void writesTheProfilesWithTheirColumnsInOrder() {
    assertThat(spark.read().parquet(out.resolve("profiles").toString()).columns()).containsExactly("person_id",
        "state", "lifecycle_stage", "stage_since", "recency", "frequency", "monetary", "rfm_segment", "events",
        "orders", "net_revenue", "first_seen", "last_seen", "last_order", "days_between_orders", "segments");
    assertThat(result.timings().totalMillis()).isGreaterThanOrEqualTo(result.timings().foldMillis());
  }

  @Test
  void refusesABadRuleBeforeReadingAnything() {
    Path nowhere = dir.resolve("no-such-lake");
    assertThatThrownBy(() -> ProfileJob.run(spark, nowhere, dir.resolve("bad-out"),
        Map.of("broken", "lifecycle = "), NOW)).isInstanceOf(RuleSyntaxException.class);
    assertThat(dir.resolve("bad-out")).doesNotExist();
  }

  @Test
  void aLakeWithoutEventsGivesNoProfilesAndTheModelOfAnEmptyBase() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-lake"));
    Path emptyOut = dir.resolve("empty-out");
    ProfileJob.Result r = ProfileJob.run(spark, empty, emptyOut, RULES, NOW);
    assertThat(r.persons()).isZero();
    assertThat(r.model()).isEqualTo(new ProfileModel.Fitter().fit(null, NOW));
    assertThat(spark.read().parquet(emptyOut.resolve("profiles").toString()).count()).isZero();
    assertThat(ProfileModel.fromJson(Files.readString(emptyOut.resolve("model.json"))).rfm().customers()).isZero();
  }

  private static ProfileFacts facts(Row r) {
    return new ProfileFacts(r.getAs("lifecycle_stage"), r.<Instant>getAs("stage_since"), r.getAs("recency"),
        r.getAs("frequency"), r.getAs("monetary"), r.getAs("rfm_segment"), r.<Long>getAs("events"),
        r.<Long>getAs("orders"), r.<BigDecimal>getAs("net_revenue"), r.<Instant>getAs("first_seen"),
        r.<Instant>getAs("last_seen"), r.<Instant>getAs("last_order"), r.getAs("days_between_orders"));
  }
}
