package io.shopsense.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.StoredEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake's files hold exactly what the writer wrote before it read the canonical JSON directly: the same files,
 * Parquet schemas, rows in the same order and every column of {@code events} and {@code lines} with the same value,
 * for the varied events of {@link RowCorpus} plus some of the demo and invoice mixes (see {@link RowFixture}).
 */
class LakeRowsEquivalenceTest {
  @TempDir
  Path lake;

  @Test
  void writesTheSameRowsAsTheWriterThatDecodedEveryEvent() throws Exception {
    List<StoredEvent> events = RowFixture.decode(RowFixture.resource(RowFixture.INPUT));
    List<String> expected = RowFixture.resource(RowFixture.EXPECTED);

    List<String> actual = RowFixture.writeAndDump(events, lake);

    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("line %d of the lake's dump", i + 1).isEqualTo(expected.get(i));
    }
  }

  @Test
  void theFixtureCoversEveryKindOfEvent() {
    List<String> expected = RowFixture.resource(RowFixture.EXPECTED);
    for (String event : new String[] {"Product Viewed", "Product Clicked", "Product Shared",
        "Product Added to Wishlist", "Product Added", "Product Removed", "Product Searched", "Product List Viewed",
        "Cart Viewed", "Checkout Started", "Payment Info Entered", "Order Completed", "Order Cancelled",
        "Order Refunded", "Coupon Applied", "Review Submitted", "\"page\"", "\"screen\"", "\"identify\"",
        "\"alias\"", "Signed Up"}) {
      assertThat(expected).as(event).anyMatch(line -> line.contains(event));
    }
    assertThat(expected).filteredOn(line -> line.startsWith("file lines/")).isNotEmpty();
  }
}
