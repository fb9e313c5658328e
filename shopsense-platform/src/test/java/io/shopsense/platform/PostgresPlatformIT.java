package io.shopsense.platform;

import static io.shopsense.platform.PlatformFixture.awaitPipeline;
import static io.shopsense.platform.PlatformFixture.ingest;
import static io.shopsense.platform.PlatformFixture.lakeLong;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.UserId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.core.collect.BatchOutcome;
import io.shopsense.core.collect.EventOutcome;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.api.id.SourceId;
import io.shopsense.store.contract.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The same product with every store in a real PostgreSQL: ingest, identity, the lake, a restart. */
class PostgresPlatformIT {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();

  @TempDir
  Path dir;

  PlatformSettings settings() {
    PlatformSettings e = PlatformFixture.embedded(dir);
    StoreSettings pg = new StoreSettings("postgres", dir, new StoreSettings.Postgres(PG.url(), PG.user(),
        PG.password(), PG.schema()), true, e.store().segmentBytes());
    return new PlatformSettings(pg, e.ingest(), e.identity(), e.lake(), e.profile(), e.crypto(), e.consent());
  }

  @Test
  void theDemoShopGoesThroughPostgresIntoIdentityAndTheLakeAndSurvivesARestart() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    DemoShop shop = DemoShop.of(DemoSettings.of(3, 5_000, now));
    List<IncomingEvent> events = new ArrayList<>();
    shop.events().forEach(e -> events.add(IncomingEvent.of(e, "demo")));
    long accepted = 0;
    try (Platform p = PlatformFixture.open(settings())) {
      assertThat(p.stores().backend()).isEqualTo("postgres");
      for (int i = 0; i < events.size(); i += 500) {
        BatchOutcome o = p.ingestor().ingest(events.subList(i, Math.min(events.size(), i + 500)),
            IngestRequest.live(SourceId.of("demo"), now));
        accepted += o.count(EventOutcome.Status.ACCEPTED);
        assertThat(o.count(EventOutcome.Status.REJECTED)).isZero();
      }
      awaitPipeline(p);
      assertThat(p.stores().eventLog().count()).isEqualTo(accepted);
      assertThat(lakeLong(p, "select count(*) from events")).isEqualTo(accepted);
      assertThat(p.stores().identityGraph().persons()).isPositive();
    }
    try (Platform p = PlatformFixture.open(settings())) {
      BatchOutcome o = ingest(p, now, "{'type':'identify','messageId':'pg-1','userId':'pg-user','traits':"
          + "{'city':'Shanghai'}}");
      awaitPipeline(p);
      assertThat(o.events().get(0).status()).isEqualTo(EventOutcome.Status.ACCEPTED);
      assertThat(p.stores().eventLog().count()).isEqualTo(accepted + 1);
      assertThat(p.persons().find(Identifier.of(UserId.of("pg-user"))).orElseThrow().traits().text("city"))
          .contains("Shanghai");
      assertThat(lakeLong(p, "select count(*) from events")).isEqualTo(accepted + 1);
    }
  }
}
