package io.shopsense.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A deterministic, seeded demo shop: a catalog and the events of its customers over a period, in the tracking spec
 * that {@code POST /v1/batch} accepts, in timestamp order. The same settings give byte-identical output; a different
 * seed a different shop. Generation runs a day at a time, so memory stays bounded whatever the number of events.
 *
 * <pre>{@code
 * DemoShop shop = DemoShop.of(DemoSettings.of(42, 1_000_000, clock.instant()));
 * catalogService.upsert(new ArrayList<JsonNode>(shop.products()));
 * DemoSummary summary = shop.writeBatches(500, body -> post("/v1/batch", body));
 * shop.events().limit(10).forEach(System.out::println);      // or as trees, in timestamp order
 * }</pre>
 *
 * Instances are immutable and thread-safe; every call to {@link #events()}, {@link #writeBatches} or
 * {@link #malformed} generates the events afresh (a million events take about 1.5 s as batches, 4 s as trees).
 */
public final class DemoShop {
  private static final byte[] BATCH_START = JsonOut.ascii("{\"batch\":[");
  private static final byte[] COMMA = JsonOut.ascii(",");
  private static final byte[] BATCH_END = JsonOut.ascii("]}");

  private final World world;
  private volatile DemoSummary summary;

  private DemoShop(World world) {
    this.world = world;
  }

  /** The shop of these settings; deriving its size from a target number of events takes a short pilot run. */
  public static DemoShop of(DemoSettings settings) {
    return new DemoShop(World.of(Objects.requireNonNull(settings, "settings")));
  }

  public DemoSettings settings() {
    return world.settings;
  }

  /** How many people the shop has (known customers and anonymous visitors; not all of them show up in the period). */
  public int people() {
    return world.people;
  }

  /** The catalog, in the JSON form the catalog API accepts; fresh, mutable copies on every call. */
  public List<ObjectNode> products() {
    return world.catalog.json();
  }

  /** The events in timestamp order (non-decreasing), generated lazily a day at a time. */
  public Stream<ObjectNode> events() {
    return EventFeed.stream(world);
  }

  /**
   * The events with a seeded {@code fraction} of them broken in realistic ways, each broken one labelled with its
   * {@link Defect} and so with the reason ingest will reject it for. Event order and message ids are those of
   * {@link #events()}.
   */
  public Stream<LabelledEvent> malformed(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1, was " + fraction);
    }
    Malformer malformer = new Malformer(world, fraction);
    return EventFeed.stream(world).map(malformer::apply);
  }

  /**
   * Writes all events as {@code {"batch":[...]}} request bodies of {@code batchSize} events (the last may be smaller),
   * ready to POST, and hands each to {@code sink} in order. The fast path: no event trees are built.
   *
   * @return the summary of what was written
   */
  public DemoSummary writeBatches(int batchSize, Consumer<byte[]> sink) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    Objects.requireNonNull(sink, "sink");
    Simulation run = new Simulation(world);
    EventWriter writer = new EventWriter(world);
    SummaryCounter counter = new SummaryCounter(world);
    JsonOut out = new JsonOut((int) Math.min(64L << 20, batchSize * 1_024L));
    int inBatch = 0;
    long n = 0;
    for (int count = run.nextDay(); count >= 0; count = run.nextDay()) {
      Ev[] events = run.events();
      for (int i = 0; i < count; i++) {
        out.raw(inBatch == 0 ? BATCH_START : COMMA);
        counter.count(events[i]);
        writer.write(out, events[i], ++n);
        if (++inBatch == batchSize) {
          sink.accept(out.raw(BATCH_END).toByteArray());
          out.reset();
          inBatch = 0;
        }
      }
    }
    if (inBatch > 0) {
      sink.accept(out.raw(BATCH_END).toByteArray());
    }
    DemoSummary result = counter.summary();
    summary = result;
    return result;
  }

  /** The summary of the events (computed by a pass that writes nothing, once, unless one ran already). */
  public DemoSummary summary() {
    DemoSummary s = summary;
    if (s == null) {
      Simulation run = new Simulation(world);
      SummaryCounter counter = new SummaryCounter(world);
      for (int count = run.nextDay(); count >= 0; count = run.nextDay()) {
        Ev[] events = run.events();
        for (int i = 0; i < count; i++) {
          counter.count(events[i]);
        }
      }
      s = counter.summary();
      summary = s;
    }
    return s;
  }
}
