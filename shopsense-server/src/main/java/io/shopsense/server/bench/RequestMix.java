package io.shopsense.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.demo.DemoShop;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The requests of the serving bench: {@code GET /v1/recommendations} paths drawn with a seeded random from a shop's
 * own people and products. Scenes: home 35%, product page 25%, cart, post-purchase, e-mail and search 10% each.
 * Who asks: 70% a logged-in user of the shop (with whatever consent they gave the shop's banner, so some without
 * personalisation consent), 10% an anonymous visitor of the shop by cookie, 10% a user id nobody owns and 10% nobody.
 * Context items: one product on a product page, one to three in a cart or an order, ten search results, and for a
 * third of home pages the visitor's two recent items. Ten items a list.
 *
 * @param users      user ids seen in the shop's events
 * @param cookies    anonymous ids of visitors who never logged in
 * @param products   product ids of the catalog
 */
record RequestMix(List<String> users, List<String> cookies, List<String> products) {
  static final int N = 10;

  RequestMix {
    users = List.copyOf(users);
    cookies = List.copyOf(cookies);
    products = List.copyOf(products);
    if (users.isEmpty() || cookies.isEmpty() || products.isEmpty()) {
      throw new IllegalArgumentException("a mix needs users, anonymous visitors and products");
    }
  }

  /** The people and products of {@code shop}'s events and catalog. */
  static RequestMix of(DemoShop shop) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> cookies = new LinkedHashSet<>();
    Set<String> loggedIn = new LinkedHashSet<>();
    shop.events().forEach(e -> {
      String user = text(e.get("userId"));
      String cookie = text(e.get("anonymousId"));
      if (user != null) {
        users.add(user);
        if (cookie != null) {
          loggedIn.add(cookie);
        }
      } else if (cookie != null) {
        cookies.add(cookie);
      }
    });
    cookies.removeAll(loggedIn);
    List<String> products = new ArrayList<>();
    for (ObjectNode p : shop.products()) {
      products.add(p.path("id").asText());
    }
    return new RequestMix(new ArrayList<>(users), new ArrayList<>(cookies), products);
  }

  /** {@code count} request paths, the same for the same mix and seed. */
  List<String> paths(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> paths = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      paths.add(path(random));
    }
    return paths;
  }

  private String path(SplittableRandom random) {
    int s = random.nextInt(100);
    String scene = s < 35 ? "home" : s < 60 ? "product" : s < 70 ? "cart" : s < 80 ? "post_purchase"
        : s < 90 ? "email" : "search";
    StringBuilder q = new StringBuilder("/v1/recommendations?scene=").append(scene);
    int who = random.nextInt(100);
    if (who < 70) {
      q.append("&userId=").append(encode(pick(users, random)));
    } else if (who < 80) {
      q.append("&anonymousId=").append(encode(pick(cookies, random)));
    } else if (who < 90) {
      q.append("&userId=nobody-").append(random.nextInt(1_000_000));
    }
    int items = switch (scene) {
      case "product" -> 1;
      case "cart", "post_purchase" -> 1 + random.nextInt(3);
      case "search" -> 10;
      case "home" -> random.nextInt(3) == 0 ? 2 : 0;
      default -> 0;
    };
    for (int i = 0; i < items; i++) {
      q.append("&item=").append(encode(pick(products, random)));
    }
    return q.append("&n=").append(N).toString();
  }

  private static String pick(List<String> from, SplittableRandom random) {
    return from.get(random.nextInt(from.size()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
