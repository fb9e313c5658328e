package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.recommend.serve.ModelSetTrainer;
import io.shopsense.core.recommend.serve.PersonContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's serving context, read from their profile and the last training's purchases. */
class ProfileContextsTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir
  Path dir;

  @Test
  void readsRegionSegmentsInterestsAndBoughtProducts() throws Exception {
    PlatformSettings d = PlatformFixture.embedded(dir);
    PlatformSettings settings = d.withRecommend(d.recommend().withErasureCheckEvery(Duration.ZERO)
        .withTraining(ModelSetTrainer.Settings.DEFAULT.withMinInteractions(1)));
    try (Platform p = PlatformFixture.open(settings)) {
      p.segments().save("buyers", "Buyers", "ordered at least once", "behaviour.orders >= 1");
      PlatformFixture.ingest(p, NOW,
          "{'type':'identify','userId':'u-1','traits':{'name':'Anna','address':{'country':'DE','city':'Bonn'}}}",
          "{'type':'track','event':'Order Completed','userId':'u-1','properties':{'order_id':'o-1','products':["
              + "{'product_id':'tea','category':'Drinks','quantity':2},{'product_id':'cup','category':'Kitchen'}]}}",
          "{'type':'track','event':'Order Refunded','userId':'u-1','properties':{'order_id':'o-1','products':["
              + "{'product_id':'cup','quantity':1}]}}");
      PlatformFixture.awaitPipeline(p);
      for (int i = 0; i < 300 && PlatformFixture.lakeLong(p, "select count(*) from lines") < 3; i++) {
        Thread.sleep(50);
      }
      PersonId person = p.persons().find(new Identifier(IdentifierKind.USER_ID, "u-1")).orElseThrow().id();
      assertThat(p.personContexts().find(person).orElseThrow().bought()).as("before any training").isEmpty();

      p.recommendations().retrain();
      PersonContext context = p.personContexts().find(person).orElseThrow();

      assertThat(context.region()).isEqualTo("DE");
      assertThat(context.segments()).containsExactly("buyers");
      assertThat(context.interests()).contains("Drinks");
      assertThat(context.bought()).containsExactly("tea");
      assertThat(p.personContexts().find(PersonId.of("p-nobody"))).isEmpty();
    }
  }

  @Test
  void theRegionIsTheCountryTraitElseTheAddresssCountry() {
    assertThat(ProfileContexts.region(Map.of("country", " FR "))).isEqualTo("FR");
    assertThat(ProfileContexts.region(Map.of("address", Map.of("country", "NL")))).isEqualTo("NL");
    assertThat(ProfileContexts.region(Map.of("name", "x"))).isEmpty();
  }
}
