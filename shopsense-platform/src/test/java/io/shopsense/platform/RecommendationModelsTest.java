package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.event.Properties;
import io.shopsense.core.privacy.NewPrivacyRequest;
import io.shopsense.api.privacy.PrivacyRequest;
import io.shopsense.api.privacy.RequestStatus;
import io.shopsense.api.privacy.RequestType;
import io.shopsense.core.privacy.SubjectRef;
import io.shopsense.core.recommend.PopularityRecommender;
import io.shopsense.core.recommend.RecommenderModel;
import io.shopsense.core.recommend.ScoredItem;
import io.shopsense.core.recommend.serve.ModelSet;
import io.shopsense.core.recommend.serve.ModelSetTrainer;
import io.shopsense.core.recommend.serve.TrainingSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training from events ingested through the real ingestor into a real embedded platform and its lake: consent and
 * erasure keep persons out of the models, the models survive a restart, a corrupt newest set falls back to the
 * previous one, a personal model is installed as a new version, and serving never fails during a swap.
 */
class RecommendationModelsTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir
  Path dir;

  /** Nothing pre-ticked, no scheduled erasure check (the tests call it), and a small shop is enough to train. */
  static PlatformSettings settings(Path dir) {
    PlatformSettings d = PlatformFixture.nothingPreTicked(dir);
    return d.withRecommend(d.recommend().withErasureCheckEvery(Duration.ZERO)
        .withTraining(ModelSetTrainer.Settings.DEFAULT.withMinInteractions(5)));
  }

  private static String consent(String user, boolean personalisation) {
    return "{'type':'track','event':'Consent Updated','userId':'" + user + "','properties':{'purposes':{"
        + "'analytics':true,'personalisation':" + personalisation + "},'notice_version':'2026-05',"
        + "'source':'cookie_banner'}}";
  }

  private static String view(String user, String product) {
    return "{'type':'track','event':'Product Viewed','userId':'" + user + "','properties':{'product_id':'" + product
        + "'}}";
  }

  private static String order(String user, String order, String... products) {
    StringBuilder lines = new StringBuilder();
    for (String p : products) {
      lines.append(lines.length() == 0 ? "" : ",").append("{'product_id':'").append(p).append("','quantity':1}");
    }
    return "{'type':'track','event':'Order Completed','userId':'" + user + "','properties':{'order_id':'" + order
        + "','products':[" + lines + "]}}";
  }

  /** Six consenting customers in two tastes; with {@code outsider}, one more without personalisation consent. */
  private static void shop(Platform p, boolean outsider) throws InterruptedException {
    List<String> events = new ArrayList<>();
    for (int c = 1; c <= 6; c++) {
      events.add(consent("u-" + c, true));
    }
    PlatformFixture.ingest(p, NOW, events.toArray(String[]::new));
    for (int c = 1; c <= 6; c++) {
      String t = c <= 3 ? "a" : "b";
      PlatformFixture.ingest(p, NOW, view("u-" + c, t + "1"), view("u-" + c, t + "2"),
          order("u-" + c, "o-" + c, t + "1", t + (2 + c % 2)), view("u-" + c, t + "4"));
    }
    if (outsider) {
      PlatformFixture.ingest(p, NOW, consent("u-x", false));
      PlatformFixture.ingest(p, NOW, view("u-x", "a1"), order("u-x", "o-x1", "a1", "x1", "x2"),
          order("u-x", "o-x2", "a2", "x1"), view("u-x", "b1"));
    }
    PlatformFixture.awaitPipeline(p);
    awaitLake(p, outsider ? 6 * 5 + 7 : 6 * 5);
  }

  /** The lake trails the log by its flush interval. */
  private static void awaitLake(Platform p, long lines) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (PlatformFixture.lakeLong(p, "select count(*) from lines") >= lines) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the lake did not receive " + lines + " lines");
  }

  private static PersonId person(Platform p, String user) {
    return p.persons().find(new Identifier(IdentifierKind.USER_ID, user)).orElseThrow().id();
  }

  private static List<String> picks(ModelSet set, PersonId person) {
    RecommenderModel m = set.personal().orElseThrow();
    return m.recommend(m.user(person.value()), 6, Set.of()).stream().map(ScoredItem::item).toList();
  }

  @Test
  void trainsFromIngestedEventsAndLeavesOutThePersonWithoutPersonalisationConsent() throws Exception {
    List<String> withOutsider;
    List<String> withoutOutsider;
    try (Platform p = PlatformFixture.open(settings(dir.resolve("with")))) {
      shop(p, true);
      TrainingSummary summary = p.recommendations().retrain();
      ModelSet set = p.recommendations().current();

      assertThat(summary.persons()).isEqualTo(6);
      assertThat(summary.withoutConsent()).isEqualTo(1);
      assertThat(summary.interactions()).isEqualTo(6 * 5);
      RecommenderModel personal = set.personal().orElseThrow();
      assertThat(personal.interactions().userIndex(person(p, "u-x").value())).isEmpty();
      assertThat(personal.interactions().itemIndex("x1")).isEmpty();
      assertThat(set.bundles().orElseThrow().complementsOf("a1", 10)).extracting(ScoredItem::item)
          .doesNotContain("x1", "x2");
      assertThat(picks(set, person(p, "u-1"))).doesNotContain("x1", "x2").first().asString().startsWith("a");
      withOutsider = picks(set, person(p, "u-2"));
    }
    try (Platform p = PlatformFixture.open(settings(dir.resolve("without")))) {
      shop(p, false);
      p.recommendations().retrain();
      withoutOutsider = picks(p.recommendations().current(), person(p, "u-2"));
    }
    assertThat(withOutsider).as("the outsider's data shift nobody's results").isEqualTo(withoutOutsider);
  }

  @Test
  void anErasedPersonTriggersARetrainAndIsInNoModelFileAfterwards() throws Exception {
    try (Platform p = PlatformFixture.open(settings(dir))) {
      shop(p, false);
      PersonId erased = person(p, "u-1");
      p.recommendations().retrain();
      p.recommendations().retrain();
      assertThat(p.recommendations().retrainIfErased()).as("nobody erased yet").isFalse();
      assertThat(filesHolding(p, erased)).isNotEmpty();
      String before = p.recommendations().current().version();

      PrivacyRequest erasure = p.privacyRequests().submit(new NewPrivacyRequest(RequestType.ERASURE,
          SubjectRef.of("u-1", null, null, null, null), Properties.EMPTY));
      assertThat(erasure.status()).isEqualTo(RequestStatus.COMPLETED);

      assertThat(p.recommendations().retrainIfErased()).isTrue();
      assertThat(p.recommendations().current().version()).isNotEqualTo(before);
      assertThat(p.recommendations().current().personal().orElseThrow().interactions().userIndex(erased.value()))
          .isEmpty();
      assertThat(filesHolding(p, erased)).as("model files holding the erased person").isEmpty();
      assertThat(p.recommendations().versionsOnDisk()).hasSize(1);
      assertThat(p.recommendations().retrainIfErased()).as("already done").isFalse();
    }
  }

  /** Model files whose bytes hold the person id as the models write ids (length-prefixed UTF). */
  private static List<Path> filesHolding(Platform p, PersonId person) throws IOException {
    byte[] id = person.value().getBytes(StandardCharsets.UTF_8);
    byte[] needle = new byte[id.length + 2];
    needle[0] = (byte) (id.length >> 8);
    needle[1] = (byte) id.length;
    System.arraycopy(id, 0, needle, 2, id.length);
    List<Path> holding = new ArrayList<>();
    try (Stream<Path> files = Files.walk(p.settings().recommend().modelsDir())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(f), needle) >= 0) {
          holding.add(f);
        }
      }
    }
    return holding;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aRestartServesTheLastSetAndACorruptNewestSetFallsBackToThePreviousOne() throws Exception {
    String first;
    String second;
    try (Platform p = PlatformFixture.open(settings(dir))) {
      shop(p, false);
      p.recommendations().retrain();
      first = p.recommendations().current().version();
      p.recommendations().retrain();
      second = p.recommendations().current().version();
    }
    try (Platform p = PlatformFixture.open(settings(dir))) {
      assertThat(p.recommendations().current().version()).isEqualTo(second);
      assertThat(p.recommendations().skippedAtLoad()).isEmpty();
      Path newest = p.recommendations().versionsOnDisk().get(0);
      byte[] bytes = Files.readAllBytes(newest.resolve("personal.model"));
      bytes[bytes.length - 3] ^= 0x11;
      Files.write(newest.resolve("personal.model"), bytes);
    }
    try (Platform p = PlatformFixture.open(settings(dir))) {
      assertThat(p.recommendations().current().version()).isEqualTo(first);
      assertThat(p.recommendations().skippedAtLoad()).singleElement().asString()
          .contains(second, "personal.model", "corrupt");
    }
  }

  @Test
  void installsAPersonalModelAsANewVersionAndKeepsThreeVersionsOnDisk() throws Exception {
    try (Platform p = PlatformFixture.open(settings(dir))) {
      shop(p, false);
      p.recommendations().retrain();
      ModelSet trained = p.recommendations().current();
      RecommenderModel popularity = new PopularityRecommender(Clock.systemUTC())
          .train(trained.personal().orElseThrow().interactions());

      ModelSet installed = p.recommendations().installPersonal(popularity);

      assertThat(p.recommendations().current()).isSameAs(installed);
      assertThat(installed.version()).isNotEqualTo(trained.version());
      assertThat(installed.personal()).containsSame(popularity);
      assertThat(installed.similar()).isSameAs(trained.similar());
      p.recommendations().retrain();
      p.recommendations().retrain();
      p.recommendations().retrain();
      assertThat(p.recommendations().versionsOnDisk()).hasSize(3);
      assertThat(p.recommendations().versionsOnDisk().get(0).getFileName().toString())
          .endsWith(p.recommendations().current().version());
    }
    try (Platform p = PlatformFixture.open(settings(dir))) {
      assertThat(p.recommendations().current().personal().orElseThrow().recommender()).isEqualTo("hybrid");
    }
  }

  @Test
  void servingNeverFailsWhileSetsAreSwapped() throws Exception {
    try (Platform p = PlatformFixture.open(settings(dir))) {
      shop(p, false);
      p.recommendations().retrain();
      PersonId person = person(p, "u-4");
      AtomicBoolean done = new AtomicBoolean();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> readers = new ArrayList<>();
      long[] served = new long[2];
      for (int t = 0; t < 2; t++) {
        int slot = t;
        Thread reader = new Thread(() -> {
          try {
            while (!done.get()) {
              ModelSet set = p.recommendations().current();
              assertThat(picks(set, person)).isNotEmpty();
              assertThat(set.similar().orElseThrow().similarItems("b1", 3, Set.of())).isNotEmpty();
              served[slot]++;
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        });
        reader.start();
        readers.add(reader);
      }
      List<String> versions = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        p.recommendations().retrain();
        versions.add(p.recommendations().current().version());
      }
      done.set(true);
      for (Thread r : readers) {
        r.join();
      }
      assertThat(failure.get()).isNull();
      assertThat(served[0] + served[1]).isPositive();
      assertThat(versions).doesNotHaveDuplicates();
    }
  }
}
