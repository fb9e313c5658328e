package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.core.recommend.serve.TrainingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training interactions read from a lake written by the lake's own writer, joined with an identity snapshot. */
class LakeInteractionSourceTest {
  private static final Instant T = Instant.parse("2026-10-01T09:00:00Z");

  @TempDir
  Path lake;
  @TempDir
  Path saved;

  private final TestEvents events = new TestEvents();
  private final TestClock clock = new TestClock(T.plus(Duration.ofDays(2)));
  private LakeWriter writer;

  @AfterEach
  void closeWriter() {
    if (writer != null) {
      writer.close();
    }
  }

  private void write(List<StoredEvent> batch) throws Exception {
    writer = new LakeWriter(LakeSettings.defaults(lake).withDuckDb("256MB", 1), 0, clock);
    writer.process(batch);
    clock.advance(Duration.ofMinutes(1));
    writer.idle(batch.size());
  }

  private void links(String... kindValuePerson) throws Exception {
    Path links = lake.resolve(LakeProfileSource.IDENTITIES).resolve(LakeProfileSource.LINKS_FILE);
    Files.createDirectories(links.getParent());
    try (DuckDbSession db = new DuckDbSession(LakeSettings.defaults(lake))) {
      db.execute("CREATE TABLE links (kind VARCHAR, value VARCHAR, person_id VARCHAR)");
      try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO links VALUES (?, ?, ?)")) {
        for (int i = 0; i < kindValuePerson.length; i += 3) {
          ps.setString(1, kindValuePerson[i]);
          ps.setString(2, kindValuePerson[i + 1]);
          ps.setString(3, kindValuePerson[i + 2]);
          ps.executeUpdate();
        }
      }
      db.execute("COPY links TO " + DuckDbSession.literal(links) + " (FORMAT parquet)");
    }
  }

  private StoredEvent track(String ids, String event, String properties, Instant at) {
    return events.event("{'type':'track','event':'" + event + "','messageId':'m" + events.nextSeq() + "'," + ids
        + ",'context':{'sessionId':'sess-" + events.nextSeq() % 2 + "'},'properties':" + properties + "}", at);
  }

  @Test
  void mapsEventsToKindsAndAttributesEachLineToItsPerson() throws Exception {
    write(List.of(
        track("'anonymousId':'anon-1'", "Product Viewed", "{'product_id':'tent'}", T),
        track("'anonymousId':'anon-1'", "Product Clicked", "{'product_id':'stove'}", T.plusSeconds(1)),
        track("'anonymousId':'anon-1','userId':'u-1'", "Product Added", "{'product_id':'tent','quantity':3}",
            T.plusSeconds(2)),
        track("'userId':'u-1'", "Product Added to Wishlist", "{'product_id':'lamp'}", T.plusSeconds(3)),
        track("'userId':'u-1'", "Order Completed", "{'order_id':'o-1','products':[{'product_id':'tent',"
            + "'quantity':2},{'product_id':'pegs','quantity':4}]}", T.plusSeconds(4)),
        track("'userId':'u-1'", "Order Refunded", "{'order_id':'o-1','products':[{'product_id':'pegs',"
            + "'quantity':1}]}", T.plusSeconds(5)),
        track("'userId':'u-2'", "Product Viewed", "{'product_id':'tent'}", T.plusSeconds(6)),
        track("'userId':'nobody'", "Product Viewed", "{'product_id':'tent'}", T.plusSeconds(7)),
        track("'userId':'u-2'", "Product Shared", "{'product_id':'tent'}", T.plusSeconds(8))));
    links("ANONYMOUS_ID", "anon-1", "P1", "USER_ID", "u-1", "P1", "USER_ID", "u-2", "P2");

    List<TrainingEvent> read = new LakeInteractionSource(LakeSettings.defaults(lake)).read();

    assertThat(read).extracting(TrainingEvent::interaction).containsExactly(
        new Interaction("P1", "tent", InteractionKind.VIEW, 1, T),
        new Interaction("P1", "stove", InteractionKind.VIEW, 1, T.plusSeconds(1)),
        new Interaction("P1", "tent", InteractionKind.CART, 1, T.plusSeconds(2)),
        new Interaction("P1", "lamp", InteractionKind.CART, 1, T.plusSeconds(3)),
        new Interaction("P1", "tent", InteractionKind.PURCHASE, 2, T.plusSeconds(4)),
        new Interaction("P1", "pegs", InteractionKind.PURCHASE, 4, T.plusSeconds(4)),
        new Interaction("P1", "pegs", InteractionKind.REFUND, 1, T.plusSeconds(5)),
        new Interaction("P2", "tent", InteractionKind.VIEW, 1, T.plusSeconds(6)));
    assertThat(read.get(4).basket()).isEqualTo("o-1");
    assertThat(read.get(0).basket()).isEmpty();
    assertThat(read).extracting(TrainingEvent::session)
        .containsExactly("sess-1", "sess-0", "sess-1", "sess-0", "sess-1", "sess-1", "sess-0", "sess-1");
  }

  @Test
  void readsOnlyTheLiveFilesWhileACompactionsInputsAwaitDeletion() throws Exception {
    LakeSettings settings = LakeSettings.defaults(lake).withDuckDb("256MB", 1).withCompactMinFiles(100);
    writer = new LakeWriter(settings, 0, clock);
    for (int i = 0; i < 3; i++) {
      writer.process(List.of(track("'userId':'u-1'", "Product Viewed", "{'product_id':'p" + i + "'}",
          T.plusSeconds(i))));
      clock.advance(Duration.ofMinutes(1));
      writer.idle(i + 1);
    }
    writer.close();
    writer = null;
    Path day = lake.resolve("lines").resolve("event_date=2026-10-01");
    List<Path> inputs;
    try (var files = Files.list(day)) {
      inputs = files.toList();
    }
    for (Path input : inputs) {
      Files.copy(input, saved.resolve(input.getFileName()));
    }
    try (LakeCompactor compactor = LakeCompactor.open(settings.withCompactMinFiles(2))) {
      compactor.compactAll(3);
    }
    for (Path input : inputs) { // the inputs are back beside the output that supersedes them
      Files.copy(saved.resolve(input.getFileName()), input);
    }
    links("USER_ID", "u-1", "P1");

    assertThat(inputs).hasSize(3);
    assertThat(new LakeInteractionSource(settings).read()).extracting(e -> e.interaction().item())
        .containsExactly("p0", "p1", "p2");
  }

  @Test
  void anEmptyLakeOrOneWithoutIdentitySnapshotReadsNothing() throws Exception {
    assertThat(new LakeInteractionSource(LakeSettings.defaults(lake)).read()).isEmpty();
    write(List.of(track("'userId':'u-1'", "Product Viewed", "{'product_id':'tent'}", T)));

    assertThat(new LakeInteractionSource(LakeSettings.defaults(lake)).read()).isEmpty();
  }
}
