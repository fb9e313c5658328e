package io.shopsense.engine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A lake whose baskets have a known answer, stored like {@link ShopLake}'s (same identifiers and identity snapshot):
 *
 * <ul>
 *   <li>persons 0–11 view {@code t1} and order {@code t1, t2, t3} together; persons 12–23 order
 *       {@code c1, c2, c3} together;
 *   <li>person 24 ordered {@code t1, t2} only: {@code t3} is the item to recommend;
 *   <li>person 25 ({@link #NO_CONSENT}) ordered {@code s1, s2} and {@code t1}; they are left out of training by the
 *       consent inputs, so {@code s1} and {@code s2} (nobody else's) must be in no model;
 *   <li>person 26 ordered {@code c1}, got it refunded (the cell drops out) and viewed {@code c2};
 *   <li>person 27 viewed {@code t2} anonymously ({@code a27}) and then ordered {@code t3} logged in;
 *   <li>an unowned user id ordered {@code g1}: left out.
 * </ul>
 *
 * One lake per JVM in a temporary directory, shared by the test classes (they only read it).
 */
final class BasketLake {
  static final String NO_CONSENT = ShopLake.personId(25);
  static final String LEARNER = ShopLake.personId(24);
  static final String REFUNDER = ShopLake.personId(26);
  static final String BROWSER = ShopLake.personId(27);
  private static Path shared;

  private BasketLake() {}

  static synchronized Path shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("shopsense-basket-lake");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ShopLake.delete(dir)));
        shared = ShopLake.write(Files.createDirectories(dir.resolve("lake")), events()).lake();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** Every person of the lake but {@link #NO_CONSENT}: the consent snapshot the platform would write. */
  static Path personalisedSnapshot(Path dir) throws IOException {
    List<String> ids = new ArrayList<>();
    for (int p = 0; p < ShopLake.PERSONS; p++) {
      if (!ShopLake.personId(p).equals(NO_CONSENT)) {
        ids.add(ShopLake.personId(p));
      }
    }
    return Files.write(dir.resolve("personalised.txt"), ids);
  }

  /** Just {@link #NO_CONSENT}, with blank lines around it. */
  static Path excludedFile(Path dir) throws IOException {
    return Files.write(dir.resolve("excluded.txt"), List.of("", "  " + NO_CONSENT + " ", ""));
  }

  private static List<ShopLake.Written> events() {
    List<ShopLake.Written> out = new ArrayList<>();
    for (int p = 0; p < 28; p++) {
      String owner = ShopLake.personId(p);
      Instant at = ShopLake.START.plus(Duration.ofDays(p)).plus(Duration.ofHours(10));
      String user = "u" + p;
      if (p < 12) {
        out.add(new ShopLake.Written(owner, view(user, null, "t1"), at));
        out.add(new ShopLake.Written(owner, order(user, "o" + p, "t1", "t2", "t3"), at.plusSeconds(300)));
      } else if (p < 24) {
        out.add(new ShopLake.Written(owner, order(user, "o" + p, "c1", "c2", "c3"), at));
      } else if (p == 24) {
        out.add(new ShopLake.Written(owner, order(user, "o" + p, "t1", "t2"), at));
      } else if (p == 25) {
        out.add(new ShopLake.Written(owner, order(user, "o" + p, "s1", "s2", "t1"), at));
      } else if (p == 26) {
        out.add(new ShopLake.Written(owner, order(user, "o" + p, "c1"), at));
        out.add(new ShopLake.Written(owner, "{'type':'track','event':'Order Refunded','userId':'" + user
            + "','properties':{'order_id':'o" + p + "','revenue':5,'currency':'EUR','products':[{'product_id':'c1',"
            + "'price':5,'quantity':1}]}}", at.plus(Duration.ofDays(1))));
        out.add(new ShopLake.Written(owner, view(user, null, "c2"), at.plus(Duration.ofDays(2))));
      } else {
        out.add(new ShopLake.Written(owner, view(null, "a" + p, "t2"), at));
        out.add(new ShopLake.Written(owner, order(user, "o" + p, "t3"), at.plusSeconds(600)));
      }
    }
    out.add(new ShopLake.Written(null, order("ghost", "o-ghost", "g1"), ShopLake.START.plus(Duration.ofDays(3))));
    return out;
  }

  private static String view(String user, String anonymous, String item) {
    String id = user != null ? "'userId':'" + user + "'" : "'anonymousId':'" + anonymous + "'";
    return "{'type':'track','event':'Product Viewed'," + id + ",'properties':{'product_id':'" + item
        + "','price':5,'currency':'EUR'}}";
  }

  private static String order(String user, String orderId, String... items) {
    StringBuilder lines = new StringBuilder();
    for (String item : items) {
      lines.append(lines.length() == 0 ? "" : ",").append("{'product_id':'").append(item)
          .append("','price':5,'quantity':1}");
    }
    return "{'type':'track','event':'Order Completed','userId':'" + user + "','properties':{'order_id':'" + orderId
        + "','revenue':" + 5 * items.length + ",'currency':'EUR','products':[" + lines + "]}}";
  }
}
