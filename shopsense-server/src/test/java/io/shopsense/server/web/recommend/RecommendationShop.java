package io.shopsense.server.web.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.ServerTestBase.Answer;
import io.shopsense.server.web.ShopEvents;
import io.shopsense.server.web.ShopEvents.Product;
import io.shopsense.server.web.ShopEvents.Who;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A small shop for the recommendation API tests, sent through the API: a catalog of tea ({@code <prefix>t1..t4}) and
 * cups ({@code <prefix>c1..c4}), and six customers ({@code <prefix>u1..u6}) in two tastes who view and buy, enough
 * for every collaborative model to train.
 */
final class RecommendationShop {
  private final String prefix;
  private final BiFunction<String, String, Answer> adminPost;

  /** {@code adminPost} posts a JSON body to a path with the admin key. */
  RecommendationShop(String prefix, BiFunction<String, String, Answer> adminPost) {
    this.prefix = prefix;
    this.adminPost = adminPost;
  }

  String product(String id) {
    return prefix + id;
  }

  String user(int n) {
    return prefix + "u" + n;
  }

  /** Products of both kinds in the catalog, with names. */
  void catalog() {
    List<Map<String, Object>> products = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      products.add(Map.of("id", product("t" + i), "name", "Tea No. " + i, "category", "tea", "brand", "leaf",
          "price", 4 + i));
      products.add(Map.of("id", product("c" + i), "name", "Cup No. " + i, "category", "cups", "brand", "clay",
          "price", 10 + i));
    }
    Answer a = adminPost.apply("/v1/products", JsonCodec.text(products));
    assertThat(a.status()).as(a.body().toString()).isBetween(200, 299);
  }

  /** Customers 1–3 like tea, 4–6 cups: each views two, buys two of them, and views a fourth, over the last days. */
  List<ObjectNode> behaviour(Instant now) {
    List<ObjectNode> events = new ArrayList<>();
    for (int c = 1; c <= 6; c++) {
      String kind = c <= 3 ? "t" : "c";
      String category = c <= 3 ? "tea" : "cups";
      Who who = Who.user(user(c));
      Instant at = now.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(c));
      Product first = new Product(product(kind + 1), category, "x", "5.00");
      Product second = new Product(product(kind + (2 + c % 2)), category, "x", "6.00");
      events.add(ShopEvents.viewed(prefix + "v1-" + c, who, at, first));
      events.add(ShopEvents.viewed(prefix + "v2-" + c, who, at.plusSeconds(10), second));
      events.add(ShopEvents.ordered(prefix + "o-" + c, who, at.plusSeconds(20), prefix + "order-" + c, "11.00",
          first, second));
      events.add(ShopEvents.viewed(prefix + "v4-" + c, who, at.plusSeconds(30),
          new Product(product(kind + 4), category, "x", "7.00")));
    }
    return events;
  }

  /** Waits until the lake holds at least {@code lines} product lines of this shop (it trails the log). */
  void awaitLake(long lines) throws InterruptedException {
    String sql = JsonCodec.text(Map.of("sql", "select count(*) from lines where product_id like '" + prefix + "%'"));
    for (int i = 0; i < 200; i++) {
      Answer a = adminPost.apply("/v1/sql", sql);
      if (a.status() == 200 && a.body().get("rows").get(0).get(0).asLong() >= lines) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the lake did not receive " + lines + " lines of " + prefix);
  }
}
