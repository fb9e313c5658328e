package io.shopsense.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The serving bench's requests: seeded, every scene, known, anonymous, unknown and absent people. */
class RequestMixTest {
  private static final RequestMix MIX = new RequestMix(List.of("u1", "u2"), List.of("c1"), List.of("p1", "p 2"));

  private static Map<String, Long> share(List<String> paths, Function<String, String> key) {
    return paths.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  @Test
  void theSameSeedGivesTheSameRequests() {
    assertThat(MIX.paths(200, 7)).isEqualTo(MIX.paths(200, 7)).isNotEqualTo(MIX.paths(200, 8));
  }

  @Test
  void scenesAndPeopleComeInTheStatedShares() {
    List<String> paths = MIX.paths(20_000, 1);

    Map<String, Long> scenes = share(paths, p -> p.replaceAll(".*scene=([a-z_]+).*", "$1"));
    assertThat(scenes.get("home")).isBetween(6_600L, 7_400L);
    assertThat(scenes.get("product")).isBetween(4_600L, 5_400L);
    assertThat(scenes.keySet()).containsExactlyInAnyOrder("home", "product", "cart", "post_purchase", "email",
        "search");
    Map<String, Long> who = share(paths, p -> p.contains("userId=nobody-") ? "unknown" : p.contains("userId=")
        ? "user" : p.contains("anonymousId=") ? "cookie" : "nobody");
    assertThat(who.get("user")).isBetween(13_600L, 14_400L);
    assertThat(who.get("unknown")).isBetween(1_700L, 2_300L);
    assertThat(who.get("cookie")).isBetween(1_700L, 2_300L);
    assertThat(who.get("nobody")).isBetween(1_700L, 2_300L);
  }

  @Test
  void scenesThatNeedItemsHaveThemAndIdsAreEncoded() {
    for (String p : MIX.paths(2_000, 3)) {
      assertThat(p).startsWith("/v1/recommendations?scene=").endsWith("&n=10").doesNotContain(" ");
      if (p.contains("scene=product") || p.contains("scene=cart") || p.contains("scene=post_purchase")
          || p.contains("scene=search")) {
        assertThat(p).contains("&item=");
      }
      if (p.contains("scene=search")) {
        assertThat(p.split("&item=")).hasSize(11);
      }
    }
    assertThat(String.join("", MIX.paths(2_000, 3))).contains("item=p+2");
  }

  @Test
  void aShopGivesItsUsersItsNeverLoggedInVisitorsAndItsCatalog() {
    DemoShop shop = DemoShop.of(DemoSettings.of(3, 20_000, Instant.parse("2026-11-01T00:00:00Z")));

    RequestMix mix = RequestMix.of(shop);

    assertThat(mix.products()).hasSize(shop.products().size());
    assertThat(mix.users()).isNotEmpty().doesNotHaveDuplicates();
    assertThat(mix.cookies()).isNotEmpty().doesNotHaveDuplicates();
    assertThat(shop.events().filter(e -> e.hasNonNull("userId") && e.hasNonNull("anonymousId"))
        .map(e -> e.get("anonymousId").asText())).doesNotContainAnyElementsOf(mix.cookies());
  }
}
