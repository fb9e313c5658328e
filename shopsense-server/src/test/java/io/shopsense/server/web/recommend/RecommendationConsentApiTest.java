package io.shopsense.server.web.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import io.shopsense.server.ServerTestBase;
import io.shopsense.server.web.ShopEvents;
import io.shopsense.server.web.ShopEvents.Product;
import io.shopsense.server.web.ShopEvents.Who;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The consent path through HTTP with the real ledger: personalisation is left to consent on this server. A person who
 * has not consented gets a list that uses nothing of theirs and no use is counted; once {@code PUT /v1/consents}
 * grants it, their list is personal after the next retrain, and each list counts one use.
 */
@ActiveProfiles(inheritProfiles = false) // not personalisation-necessary
@TestPropertySource(properties = "test.server-context=recommendation-consent")
class RecommendationConsentApiTest extends ServerTestBase {
  private static final String CARA = "rcc-cara";

  private final RecommendationShop shop = new RecommendationShop("rcc-", (path, body) -> post(path, adminKey, body));

  private void personalisation(String userId, boolean granted) {
    Answer a = put("/v1/consents", adminKey, json("{'userId':'" + userId + "','purposes':{'personalisation':"
        + granted + "},'noticeVersion':'2026-05'}"));
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
  }

  private JsonNode home(String userId) {
    Answer a = get("/v1/recommendations?scene=home&n=5&userId=" + userId, readKey);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    return a.body();
  }

  private long served(PersonId person) throws Exception {
    platform.followUsageNow();
    return platform.stores().usageLog().of(person).stream().filter(c -> c.kind() == UsageKind.RECOMMENDATIONS_SERVED)
        .mapToLong(UsageCount::count).sum();
  }

  private void retrain() {
    Answer a = post("/v1/recommendations/models/retrain", adminKey, "");
    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
  }

  @Test
  void withoutConsentNothingPersonalIsUsedNorCountedAndAfterConsentTheListIsPersonal() throws Exception {
    assertThat(platform.settings().consent().strictlyNecessary())
        .doesNotContainKey(io.shopsense.api.privacy.Purpose.PERSONALISATION);
    shop.catalog();
    for (int c = 1; c <= 6; c++) {
      personalisation(shop.user(c), true);
    }
    Instant now = Instant.now();
    List<com.fasterxml.jackson.databind.node.ObjectNode> events = new ArrayList<>(shop.behaviour(now));
    // Cara likes cups, but has not said whether her data may personalise what she is shown
    Who cara = Who.user(CARA);
    Instant at = now.minus(Duration.ofDays(2));
    Product cup1 = new Product(shop.product("c1"), "cups", "clay", "11.00");
    Product cup3 = new Product(shop.product("c3"), "cups", "clay", "13.00");
    events.add(ShopEvents.viewed("rcc-cara-v1", cara, at, cup1));
    events.add(ShopEvents.ordered("rcc-cara-o1", cara, at.plusSeconds(60), "rcc-cara-order", "24.00", cup1, cup3));
    Answer sent = post("/v1/batch", ingestKey, ShopEvents.batch(events));
    assertThat(sent.body().get("accepted").asInt()).as(sent.body().toString()).isEqualTo(events.size());
    awaitPipeline();
    shop.awaitLake(33);
    retrain();
    PersonId caraId = platform.persons().owner(new Identifier(IdentifierKind.USER_ID, CARA)).orElseThrow();

    JsonNode refused = home(CARA);

    assertThat(refused.get("basis").asText()).isEqualTo("non_personalised");
    assertThat(refused.get("items").findValuesAsText("type")).doesNotContain("because", "due_again");
    assertThat(home("rcc-nobody").get("items").findValuesAsText("productId"))
        .as("the same list as for a stranger").isEqualTo(refused.get("items").findValuesAsText("productId"));
    assertThat(served(caraId)).isZero();
    assertThat(platform.recommendations().current().personal().orElseThrow().interactions()
        .userIndex(caraId.value())).as("not trained on").isEmpty();

    personalisation(CARA, true);
    JsonNode consented = home(CARA);
    retrain();
    JsonNode personal = home(CARA);

    assertThat(consented.get("basis").asText()).isEqualTo("cold_start");
    assertThat(personal.get("basis").asText()).isEqualTo("personalised");
    assertThat(personal.get("modelVersion").asText()).isNotEqualTo(refused.get("modelVersion").asText());
    assertThat(served(caraId)).isEqualTo(2);
  }
}
