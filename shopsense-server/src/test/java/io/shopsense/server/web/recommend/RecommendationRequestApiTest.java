package io.shopsense.server.web.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ServerTestBase;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A bad query of {@code GET /v1/recommendations} is answered with problem details that name the parameter and say
 * why, never with the value sent; who may ask.
 */
class RecommendationRequestApiTest extends ServerTestBase {

  private void refused(String query, String parameter, String... detail) {
    Answer a = get("/v1/recommendations?" + query, readKey);
    assertThat(a.status()).as(query).isEqualTo(400);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.body().get("code").asText()).isEqualTo("invalid_parameter");
    assertThat(a.body().get("parameter").asText()).as(query).isEqualTo(parameter);
    assertThat(a.body().get("detail").asText()).as(query).startsWith(parameter + ": ").contains(detail);
  }

  @Test
  void anUnknownOrMissingSceneListsTheValidOnes() {
    refused("scene=homepage", "scene", "home, product, cart, post_purchase, email, search");
    refused("n=3", "scene", "required", "post_purchase");
    assertThat(get("/v1/recommendations?scene=fishing-for-secrets", readKey).body().toString())
        .doesNotContain("fishing");
  }

  @Test
  void nMustBeAWholeNumberFromOneToAHundred() {
    refused("scene=home&n=0", "n", "1 to 100");
    refused("scene=home&n=101", "n", "1 to 100");
    refused("scene=home&n=ten", "n", "whole number");
  }

  @Test
  void scenesShownWithItemsNeedThem() {
    refused("scene=product", "item", "product scene");
    refused("scene=cart&item=,", "item", "cart scene");
    refused("scene=post_purchase", "item", "post_purchase scene");
    refused("scene=search", "item", "search scene");
    String many = IntStream.range(0, 101).mapToObj(i -> "p" + i).collect(Collectors.joining(","));
    refused("scene=cart&item=" + many, "item", "at most 100");
  }

  @Test
  void aPersonIsNamedOnceAndIdsAndLocalesAreChecked() {
    refused("scene=home&userId=u-1&anonymousId=a-1", "user", "at most one");
    refused("scene=home&userId=%01x", "userId", "no control characters");
    refused("scene=home&locale=not_a_tag!", "locale", "language tag");
  }

  @Test
  void onlyTheStorefrontsServerAndStaffWhoReadPersonalDataMayAsk() {
    assertThat(get("/v1/recommendations?scene=home", null).status()).isEqualTo(401);
    assertThat(get("/v1/recommendations?scene=home", ingestKey).status()).isEqualTo(403);
    assertThat(get("/v1/recommendations/models", ingestKey).status()).isEqualTo(403);
    assertThat(post("/v1/recommendations/models/retrain", readKey, "{}").status()).isEqualTo(403);
    assertThat(get("/v1/recommendations/performance", ingestKey).status()).isEqualTo(403);
  }
}
