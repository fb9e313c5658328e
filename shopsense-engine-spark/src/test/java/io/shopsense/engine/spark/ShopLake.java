package io.shopsense.engine.spark;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.IngestRequest;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.collect.internal.EventPreparer;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.lake.LakeCompactor;
import io.shopsense.lake.LakeProfileSource;
import io.shopsense.lake.LakeSettings;
import io.shopsense.lake.LakeTable;
import io.shopsense.lake.LakeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small shop's lake in a directory, written the way the platform writes it: JSON events run through the real ingest
 * preparation ({@link EventPreparer}, historical mode) and stored by the real {@link LakeWriter} in shuffled order
 * (sequence numbers do not follow time; some days' events arrive late, in batches of their own), then compacted with
 * the compaction's inputs put back (superseded files a reader must skip), plus an identity snapshot written with
 * DuckDB.
 *
 * <p>30 persons over six weeks: product views with categories and brands, searches, cart additions, orders
 * (most persons order two to five times, so the lifecycle windows are fitted rather than defaulted), refunds, pages,
 * identifies; five time zones and UTC; persons who browse anonymously and then log in (two identifiers of one
 * person); a few events of identifiers nobody owns (left out); and one event whose user id and anonymous id belong to
 * different persons (the user id wins). Deterministic: a seeded generator and sequential message ids.
 */
final class ShopLake {
  static final Instant NOW = Instant.parse("2024-07-15T00:00:00Z");
  static final int PERSONS = 30;
  static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
  /** Days some of whose events arrive late, in batches of their own: they get several files, then compacted. */
  private static final Set<LocalDate> LATE_DAYS = Set.of(LocalDate.of(2024, 6, 11), LocalDate.of(2024, 6, 21),
      LocalDate.of(2024, 7, 1));
  private static final String[] ZONES = {"Asia/Shanghai", "America/New_York", "Europe/Berlin", "Australia/Sydney",
      "America/Los_Angeles", null};
  private static final String[][] PRODUCTS = {
      {"p1", "Drinks/Tea", "Leaf"}, {"p2", "Drinks/Coffee", "Bean"}, {"p3", "Outdoor/Tents", "Camp"},
      {"p4", "Outdoor/Boots", "Trail"}, {"p5", "Books", "Paper"}, {"p6", "Drinks/Tea", "Kettle"}};

  /**
   * What was written.
   *
   * @param lake           the lake's directory
   * @param events         every event in the lake
   * @param eventsByPerson the events that belong to each person, by person id
   * @param liveFiles      the live files of {@code events}
   * @param allFiles       every file of {@code events}, superseded ones included
   */
  record Built(Path lake, int events, Map<String, Long> eventsByPerson, int liveFiles, int allFiles) {}

  private static Built shared;

  private final EventPreparer preparer = new EventPreparer(IngestSettings.defaults());
  private final Random random = new Random(42);
  private final List<String> json = new ArrayList<>();
  private final List<Instant> times = new ArrayList<>();
  private final Map<String, Long> eventsByPerson = new TreeMap<>();

  private ShopLake() {}

  static Built write(Path lake) {
    return new ShopLake().build(lake);
  }

  /**
   * One lake for every test class of the JVM (they only read it), in a temporary directory removed when the JVM
   * exits: writing it costs seconds.
   */
  static synchronized Built shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("shopsense-spark-lake");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        shared = write(Files.createDirectories(dir.resolve("lake")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary directory
    }
  }

  private Built build(Path lake) {
    for (int p = 0; p < PERSONS; p++) {
      person(p);
    }
    // nobody owns these identifiers: left out of every profile
    add(null, "{'type':'page','name':'Home','anonymousId':'stranger-1','context':{'sessionId':'s-x'}}",
        START.plus(Duration.ofDays(10)));
    add(null, "{'type':'track','event':'Product Viewed','userId':'ghost','properties':{'product_id':'p1',"
        + "'category':'Drinks/Tea','price':4}}", START.plus(Duration.ofDays(11)));
    // the user id's owner (person 5) wins over the anonymous id's (person 7)
    add(personId(5), "{'type':'track','event':'Product Viewed','userId':'u5','anonymousId':'a7','properties':{"
        + "'product_id':'p3','category':'Outdoor/Tents','brand':'Camp','price':120}}",
        START.plus(Duration.ofDays(25)));

    return store(lake);
  }

  /**
   * One event of {@link #write(Path, List)}: JSON with single quotes, identified by this shop's identifiers
   * ({@code u<p>}, and {@code a<p>} for the persons that have an anonymous id; see {@link #writeIdentities}).
   *
   * @param owner the person it belongs to, null when nobody owns its identifiers
   */
  record Written(String owner, String json, Instant at) {}

  /**
   * A lake of exactly the given events (times between {@link #START} and {@link #NOW}), stored, compacted and linked
   * like this shop's: a fixture of its own with this one's storage and identity snapshot.
   */
  static Built write(Path lake, List<Written> events) {
    ShopLake shop = new ShopLake();
    events.forEach(e -> shop.add(e.owner(), e.json(), e.at()));
    return shop.store(lake);
  }

  private Built store(Path lake) {
    writeLake(lake, store());
    writeIdentities(lake);
    return new Built(lake, json.size(), eventsByPerson, LakeProfileSource.liveFiles(lake, LakeTable.EVENTS).size(),
        countFiles(lake.resolve(LakeTable.EVENTS.tableName())));
  }

  /** One person's events: anonymous browsing first for some, then logged-in activity. */
  private void person(int p) {
    String owner = personId(p);
    String zone = ZONES[p % ZONES.length];
    String user = "u" + p;
    String anonymous = "a" + p;
    Instant at = START.plus(Duration.ofHours(random.nextInt(24 * 30)));
    if (p == 28) {
      at = START.plus(Duration.ofDays(38)); // a first and only order in the last week: a new customer
    }
    boolean browsesFirst = p % 3 == 0;
    if (browsesFirst) {
      for (int i = 0; i < 2 + random.nextInt(3); i++) {
        add(owner, view(null, anonymous, zone, "s-" + p + "-0"), at);
        at = at.plus(Duration.ofMinutes(3 + random.nextInt(20)));
      }
      // the login: both identifiers on one event
      add(owner, "{'type':'identify','userId':'" + user + "','anonymousId':'" + anonymous + "','traits':{"
          + "'email':'" + user + "@example.com','plan':'" + (p % 2 == 0 ? "gold" : "free") + "'}"
          + context(zone, "s-" + p + "-0") + "}", at);
    }
    int orders = p % 10 == 9 ? 0 : p % 10 == 8 ? 1 : 2 + random.nextInt(4);
    int sessions = Math.max(orders, 1) + random.nextInt(3);
    int ordered = 0;
    for (int s = 1; s <= sessions; s++) {
      at = at.plus(Duration.ofHours(6 + random.nextInt(24 * (p % 4 == 0 ? 10 : 4))));
      if (at.isAfter(NOW.minus(Duration.ofDays(1)))) {
        at = NOW.minus(Duration.ofHours(1 + random.nextInt(20)));
      }
      String session = "s-" + p + "-" + s;
      int views = 1 + random.nextInt(4);
      for (int v = 0; v < views; v++) {
        add(owner, view(user, null, zone, session), at);
        at = at.plusSeconds(30 + random.nextInt(600));
      }
      if (random.nextInt(3) == 0) {
        add(owner, "{'type':'track','event':'Products Searched','userId':'" + user + "','properties':{'query':'"
            + (random.nextBoolean() ? "green tea" : "boots") + "'}" + context(zone, session) + "}", at);
        at = at.plusSeconds(20);
      }
      if (ordered < orders) {
        String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        add(owner, "{'type':'track','event':'Product Added','userId':'" + user + "','properties':{'product_id':'"
            + product[0] + "','category':'" + product[1] + "','brand':'" + product[2] + "','price':"
            + price() + ",'quantity':" + (1 + random.nextInt(2)) + "}" + context(zone, session) + "}", at);
        at = at.plusSeconds(90);
        String orderId = "o-" + p + "-" + s;
        add(owner, order(user, orderId, zone, session), at);
        ordered++;
        if (random.nextInt(6) == 0) {
          add(owner, "{'type':'track','event':'Order Refunded','userId':'" + user + "','properties':{'order_id':'"
              + orderId + "','revenue':" + price() + ",'currency':'EUR'}" + context(zone, session) + "}",
              at.plus(Duration.ofDays(1)));
        }
      } else if (random.nextBoolean()) {
        add(owner, "{'type':'page','name':'Help','userId':'" + user + "'" + context(zone, session) + "}", at);
      }
    }
  }

  private String view(String user, String anonymous, String zone, String session) {
    String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
    return "{'type':'track','event':'Product Viewed'," + ids(user, anonymous) + ",'properties':{'product_id':'"
        + product[0] + "','category':'" + product[1] + "','brand':'" + product[2] + "','price':" + price()
        + ",'currency':'EUR'}" + context(zone, session) + "}";
  }

  private String order(String user, String orderId, String zone, String session) {
    String[] a = PRODUCTS[random.nextInt(PRODUCTS.length)];
    String[] b = PRODUCTS[random.nextInt(PRODUCTS.length)];
    boolean coupon = random.nextInt(4) == 0;
    return "{'type':'track','event':'Order Completed','userId':'" + user + "','properties':{'order_id':'" + orderId
        + "','revenue':" + price() + ",'currency':'EUR'" + (coupon ? ",'coupon':'SUMMER','discount':2.5" : "")
        + ",'products':[{'product_id':'" + a[0] + "','category':'" + a[1] + "','brand':'" + a[2] + "','price':"
        + price() + ",'quantity':" + (1 + random.nextInt(3)) + "},{'product_id':'" + b[0] + "','category':'" + b[1]
        + "','price':" + price() + ",'quantity':1}]}" + context(zone, session) + "}";
  }

  private static String ids(String user, String anonymous) {
    return user != null ? "'userId':'" + user + "'" : "'anonymousId':'" + anonymous + "'";
  }

  private String context(String zone, String session) {
    String device = random.nextBoolean() ? "mobile" : "desktop";
    return ",'context':{" + (zone == null ? "" : "'timezone':'" + zone + "',") + "'sessionId':'" + session
        + "','device':{'type':'" + device + "'},'channel':'" + (random.nextInt(4) == 0 ? "app" : "browser") + "'}";
  }

  /** An amount with up to three decimals. */
  private String price() {
    return String.format(Locale.ROOT, "%d.%03d", 3 + random.nextInt(200), random.nextInt(1000));
  }

  private void add(String owner, String event, Instant at) {
    json.add(event);
    times.add(at);
    if (owner != null) {
      eventsByPerson.merge(owner, 1L, Long::sum);
    }
  }

  static String personId(int p) {
    return String.format(Locale.ROOT, "person-%02d", p);
  }

  /**
   * Through the ingest preparation, in a shuffled order: sequence numbers are the arrival order. Half the events of
   * {@link #LATE_DAYS} arrive after all the others, in two batches.
   */
  private List<List<StoredEvent>> store() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<Integer> late = new ArrayList<>();
    for (int i : order) {
      if (i % 2 == 1 && LATE_DAYS.contains(LocalDate.ofInstant(times.get(i), ZoneOffset.UTC))) {
        late.add(i);
      }
    }
    order.removeAll(late);
    List<List<StoredEvent>> batches = new ArrayList<>();
    long[] seq = {0};
    batches.add(prepare(order, seq));
    batches.add(prepare(late.subList(0, late.size() / 2), seq));
    batches.add(prepare(late.subList(late.size() / 2, late.size()), seq));
    return batches;
  }

  private List<StoredEvent> prepare(List<Integer> indexes, long[] seq) {
    List<StoredEvent> stored = new ArrayList<>();
    for (int i : indexes) {
      Instant at = times.get(i);
      String text = json.get(i).replace('\'', '"').replaceFirst("\\{",
          "{\"messageId\":\"m" + (i + 1) + "\",\"timestamp\":\"" + at + "\",");
      EventPreparer.Prepared p = preparer.prepare(JsonCodec.parse(text),
          IngestRequest.historical(SourceId.of("test"), at.plus(Duration.ofMinutes(5))));
      if (!p.ok()) {
        throw new IllegalArgumentException("test event refused: " + p.violations() + " in " + text);
      }
      stored.add(new StoredEvent(++seq[0], p.envelope()));
    }
    return stored;
  }

  /**
   * Written batch by batch (one file per day a batch touches), then compacted; the inputs of the compaction are put
   * back afterwards, as after a crash before they were deleted: superseded files a reader must not count.
   */
  private static void writeLake(Path lake, List<List<StoredEvent>> batches) {
    int total = batches.stream().mapToInt(List::size).sum();
    LakeSettings settings = LakeSettings.defaults(lake).withFlushEvents(1_000).withFlushInterval(Duration.ZERO)
        .withCompactMinFiles(1_000).withDuckDb("256MB", 1);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (LakeWriter writer = new LakeWriter(settings, 0, clock)) {
      for (List<StoredEvent> batch : batches) {
        writer.process(batch);
      }
      writer.idle(total);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try {
      Path events = lake.resolve(LakeTable.EVENTS.tableName());
      Path aside = Files.createDirectories(lake.resolveSibling(lake.getFileName() + "-inputs"));
      List<Path> inputs;
      try (Stream<Path> files = Files.walk(events)) {
        inputs = files.filter(f -> f.toString().endsWith(".parquet")).toList();
      }
      for (Path f : inputs) {
        Path copy = aside.resolve(events.relativize(f).toString().replace('/', '_'));
        Files.copy(f, copy);
      }
      try (LakeCompactor compactor = LakeCompactor.open(settings)) {
        if (compactor.compactAll(total).isEmpty()) {
          throw new IllegalStateException("the fixture expects days with several files to compact");
        }
      }
      for (Path f : inputs) {
        Files.copy(aside.resolve(events.relativize(f).toString().replace('/', '_')), f,
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The identity snapshot: every person's user id, and the anonymous id of those who browsed before logging in. */
  private static void writeIdentities(Path lake) {
    StringBuilder values = new StringBuilder();
    for (int p = 0; p < PERSONS; p++) {
      String person = personId(p);
      values.append(values.length() == 0 ? "" : ", ").append("('USER_ID', 'u").append(p).append("', '")
          .append(person).append("')");
      if (p % 3 == 0 || p == 7) {
        values.append(", ('ANONYMOUS_ID', 'a").append(p).append("', '").append(person).append("')");
      }
    }
    // an email link, which the attribution ignores
    values.append(", ('EMAIL', 'u1@example.com', 'person-01')");
    Path target = lake.resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      Files.createDirectories(target.getParent());
      s.execute("SET memory_limit = '256MB'");
      s.execute("SET threads = 1");
      s.execute("COPY (SELECT * FROM (VALUES " + values + ") AS t(kind, value, person_id) ORDER BY kind, value)"
          + " TO '" + target.toString().replace("'", "''") + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int countFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return (int) files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
