package io.shopsense.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The events of one pass as JSON trees, lazily a day at a time. Each event is written by the one {@link EventWriter}
 * and parsed back (numbers as exact decimals, as the tracking API reads them), so the trees are exactly the bytes
 * {@link DemoShop#writeBatches} sends.
 */
final class EventFeed extends Spliterators.AbstractSpliterator<ObjectNode> {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private final Simulation run;
  private final EventWriter writer;
  private final JsonOut out = new JsonOut(4_096);
  private Ev[] day;
  private int count;
  private int next;
  private long n;

  private EventFeed(World world) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.run = new Simulation(world);
    this.writer = new EventWriter(world);
  }

  static Stream<ObjectNode> stream(World world) {
    return StreamSupport.stream(new EventFeed(world), false);
  }

  @Override
  public boolean tryAdvance(Consumer<? super ObjectNode> action) {
    while (next >= count) {
      count = run.nextDay();
      if (count < 0) {
        count = 0;
        return false;
      }
      day = run.events();
      next = 0;
    }
    Ev e = day[next++];
    out.reset();
    writer.write(out, e, ++n);
    try {
      action.accept((ObjectNode) MAPPER.readTree(out.buffer(), 0, out.length()));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return true;
  }
}
