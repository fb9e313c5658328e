package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Online Retail rows → interaction records mapping, on a hand-written file in the original's format. */
class OnlineRetailInteractionsTest {
  @TempDir
  Path dir;

  @Test
  void invoiceLinesArePurchasesCreditNotesRefundsAndFeesAndAnonymousRowsAreLeftOut() throws Exception {
    Path file = write("""
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
        536365,71053,WHITE METAL LANTERN,80995,2010-12-01 08:26:00,3.39,17850,United Kingdom
        536366,POST,POSTAGE,1,2010-12-01 09:00:00,18,17850,United Kingdom
        536367,22633,HAND WARMER UNION JACK,6,2010-12-01 09:02:00,1.85,,United Kingdom
        C536379,85123a,WHITE HANGING HEART T-LIGHT HOLDER,-1,2011-06-01 09:41:00,2.55,17850,United Kingdom
        536380,71053,WHITE METAL LANTERN,2,2011-06-02 10:00:00,3.39,13047,United Kingdom
        """);

    EvalData data = OnlineRetailInteractions.read(file, customer -> true);

    // POST is a fee, the hand warmer has no customer; 80,995 units are one decision; 85123a is 85123A
    assertThat(data.records()).containsExactly(
        new Interaction("17850", "85123A", InteractionKind.PURCHASE, 1, Instant.parse("2010-12-01T08:26:00Z")),
        new Interaction("17850", "71053", InteractionKind.PURCHASE, 1, Instant.parse("2010-12-01T08:26:00Z")),
        // British Summer Time: 09:41 in London is 08:41 UTC
        new Interaction("17850", "85123A", InteractionKind.REFUND, 1, Instant.parse("2011-06-01T08:41:00Z")),
        new Interaction("13047", "71053", InteractionKind.PURCHASE, 1, Instant.parse("2011-06-02T09:00:00Z")));
    assertThat(data.catalog()).containsExactly("71053", "85123A");
    // {WHITE, HANGING, HEART, T, LIGHT, HOLDER} and {WHITE, METAL, LANTERN}: 1 shared word of 8
    assertThat(data.similarity().applyAsDouble("85123A", "71053")).isCloseTo(1.0 / 8, within(1e-12));
    assertThat(data.similarity().applyAsDouble("71053", "71053")).isEqualTo(1.0);
  }

  @Test
  void keepsOnlyTheSampledCustomers() throws Exception {
    Path file = write("""
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
        536380,71053,WHITE METAL LANTERN,2,2011-06-02 10:00:00,3.39,13047,United Kingdom
        """);

    EvalData data = OnlineRetailInteractions.read(file, "13047"::equals);

    assertThat(data.records()).extracting(Interaction::user).containsExactly("13047");
    assertThat(data.catalog()).containsExactly("71053");
  }

  private Path write(String csv) throws Exception {
    Path file = dir.resolve("online_retail.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
