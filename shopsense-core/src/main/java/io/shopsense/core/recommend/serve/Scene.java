package io.shopsense.core.recommend.serve;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where recommendations are shown; each scene has its own candidate sources and re-ranking knobs
 * ({@link SceneSettings}).
 *
 * <ul>
 *   <li>{@link #HOME}: person → items (personal model, repeat purchase; session-kNN over the request's recent items for
 *       visitors the model does not know; cold start by region, segment and stated interests);
 *   <li>{@link #PRODUCT}: the product page's item → similar (item-kNN) and complementary (bought together) items;
 *   <li>{@link #CART}: the cart's items → a bundle (bought together), then similar items;
 *   <li>{@link #POST_PURCHASE}: the order's items → cross-sell (bought together), then personal;
 *   <li>{@link #EMAIL}: person → items for an email slot (personal, repeat purchase; no exploration);
 *   <li>{@link #SEARCH}: the request's items are the search results, re-ranked for the person.
 * </ul>
 */
public enum Scene {
  HOME("home"),
  PRODUCT("product"),
  CART("cart"),
  POST_PURCHASE("post_purchase"),
  EMAIL("email"),
  SEARCH("search");

  private final String wireName;

  Scene(String wireName) {
    this.wireName = wireName;
  }

  /** The name in URLs, events and reports, e.g. {@code post_purchase}. */
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name (case-insensitive); throws {@link IllegalArgumentException} naming the valid ones. */
  public static Scene parse(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
      for (Scene s : values()) {
        if (s.wireName.equals(n)) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException("unknown scene '" + name + "'; one of: "
        + Arrays.stream(values()).map(Scene::wireName).collect(Collectors.joining(", ")));
  }
}
