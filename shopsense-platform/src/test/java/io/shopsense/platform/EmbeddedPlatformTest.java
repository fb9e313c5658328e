package io.shopsense.platform;

import static io.shopsense.platform.PlatformFixture.awaitPipeline;
import static io.shopsense.platform.PlatformFixture.ingest;
import static io.shopsense.platform.PlatformFixture.lakeLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.api.id.UserId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.core.identity.PersonView;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled product on its embedded stores: ingest, identity, the lake, restarts. */
class EmbeddedPlatformTest {
  static final Instant NOW = Instant.now();

  @TempDir
  Path dir;

  static String at(Instant t) {
    return t.toString();
  }

  @Test
  void ingestedEventsReachIdentityAndTheLakeAndSurviveARestart() throws Exception {
    Instant yesterday = NOW.minusSeconds(86_400);
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      BatchOutcome o = ingest(p, NOW,
          "{'type':'page','messageId':'e1','anonymousId':'anon-1','name':'Home','timestamp':'" + at(yesterday) + "'}",
          "{'type':'track','event':'Product Viewed','messageId':'e2','anonymousId':'anon-1','timestamp':'"
              + at(yesterday.plusSeconds(60)) + "','properties':{'product_id':'p-1','price':10}}",
          "{'type':'identify','messageId':'e3','anonymousId':'anon-1','userId':'u-1','timestamp':'"
              + at(yesterday.plusSeconds(120)) + "','traits':{'email':'u1@example.com'}}",
          "{'type':'track','event':'Order Completed','messageId':'e4','userId':'u-1','timestamp':'"
              + at(NOW.minusSeconds(5)) + "','properties':{'order_id':'o-1','revenue':30,'currency':'EUR',"
              + "'products':[{'product_id':'p-1','price':10,'quantity':1},{'product_id':'p-2','price':20}]}}");
      assertThat(o.count(EventOutcome.Status.ACCEPTED)).isEqualTo(4);
      awaitPipeline(p);

      PersonView person = p.persons().find(Identifier.of(UserId.of("u-1"))).orElseThrow();
      assertThat(person.identifiers()).extracting(l -> l.identifier().toString())
          .contains("anonymous_id:anon-1", "user_id:u-1", "email:u1@example.com");
      assertThat(p.persons().events(person.id(), 0, 100)).hasSize(4);
      assertThat(lakeLong(p, "select count(*) from events")).isEqualTo(4);
      assertThat(lakeLong(p, "select count(*) from lines where order_id = 'o-1'")).isEqualTo(2);
      assertThat(lakeLong(p, "select count(distinct event_date) from events")).isEqualTo(
          LocalDate.ofInstant(yesterday, java.time.ZoneOffset.UTC).equals(
              LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC)) ? 1 : 2);
    }
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      BatchOutcome retry = ingest(p, NOW.plusSeconds(1),
          "{'type':'track','event':'Product Viewed','messageId':'e2','anonymousId':'anon-1','timestamp':'"
              + at(yesterday.plusSeconds(60)) + "','properties':{'product_id':'p-1','price':10}}");
      awaitPipeline(p);

      assertThat(retry.events().get(0).status()).isEqualTo(EventOutcome.Status.DUPLICATE);
      assertThat(p.stores().eventLog().count()).isEqualTo(4);
      assertThat(p.persons().find(Identifier.of(UserId.of("u-1")))).isPresent();
      assertThat(lakeLong(p, "select count(*) from events")).isEqualTo(4);
      assertThat(lakeLong(p, "select count(distinct seq) from events")).isEqualTo(4);
    }
  }

  @Test
  void aLateEventLandsInTheLakePartitionOfItsOwnDay() throws Exception {
    Instant tenDaysAgo = NOW.minusSeconds(10 * 86_400);
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      ingest(p, NOW, "{'type':'track','event':'Product Viewed','messageId':'late','anonymousId':'a','timestamp':'"
          + at(tenDaysAgo) + "','properties':{'product_id':'p-1'}}");
      awaitPipeline(p);

      assertThat(PlatformFixture.lake(p, "select event_date from events where message_id = 'late'"))
          .isEqualTo(LocalDate.ofInstant(tenDaysAgo, java.time.ZoneOffset.UTC));
      assertThat(p.quality().report(LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC),
          LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC)).total().late()).isEqualTo(1);
    }
  }

  @Test
  void rejectedEventsWaitInTheQuarantineAcrossARestartAndReplayAfterAFix() {
    long id;
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      BatchOutcome o = ingest(p, NOW, "{'type':'track','event':'Product Added','messageId':'q-1','anonymousId':'a',"
          + "'properties':{'product_id':'p-1','quantity':0}}");
      id = o.events().get(0).quarantineId();
      assertThat(o.events().get(0).reason()).isEqualTo("invalid_value");
    }
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      assertThat(p.quarantine().find(id).orElseThrow().status()).isEqualTo(QuarantineStatus.PENDING);
      p.quarantine().fix(id, "{\"type\":\"track\",\"event\":\"Product Added\",\"messageId\":\"q-1\","
          + "\"anonymousId\":\"a\",\"properties\":{\"product_id\":\"p-1\",\"quantity\":1}}");
      assertThat(p.quarantine().replay(id).status().name()).isEqualTo("REPLAYED");
      assertThat(p.stores().eventLog().count()).isEqualTo(1);
    }
  }

  @Test
  void aSecondPlatformOnTheSameDataIsRefused() {
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      assertThat(p.stores().backend()).isEqualTo("embedded");
      assertThatThrownBy(() -> PlatformFixture.open(PlatformFixture.embedded(dir)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void anUnknownStoreTypeStopsStartUpNamingTheKnownOnes() {
    PlatformSettings d = PlatformSettings.embedded(dir);
    PlatformSettings wrong = new PlatformSettings(new StoreSettings("cassandra", dir, d.store().postgres(), true,
        1 << 20), d.ingest(), d.identity(), null, d.profile(), null);

    assertThatThrownBy(() -> PlatformFixture.open(wrong)).hasMessageContaining("cassandra")
        .hasMessageContaining("embedded").hasMessageContaining("postgres");
  }
}
