package io.shopsense.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.core.recommend.Interaction;
import io.shopsense.core.recommend.InteractionKind;
import io.shopsense.demo.DemoSettings;
import io.shopsense.demo.DemoShop;
import io.shopsense.demo.DemoSummary;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo shop's events → interaction records mapping, checked against the shop's own summary counts. */
class GeneratedInteractionsTest {

  @Test
  void oneViewPerProductViewOneCartPerAddAndTheCatalogIsTheShops() {
    DemoShop shop = DemoShop.of(DemoSettings.of(3, 20_000, Instant.parse("2026-11-01T00:00:00Z")));
    DemoSummary summary = shop.summary();

    EvalData data = GeneratedInteractions.of(shop);
    Map<InteractionKind, Long> byKind = data.records().stream()
        .collect(Collectors.groupingBy(Interaction::kind, Collectors.counting()));

    assertThat(byKind.get(InteractionKind.VIEW)).isEqualTo(summary.count("Product Viewed"));
    assertThat(byKind.get(InteractionKind.CART)).isEqualTo(summary.count("Product Added"));
    // an order has at least one line
    assertThat(byKind.get(InteractionKind.PURCHASE)).isGreaterThanOrEqualTo(summary.orders());
    assertThat(byKind.getOrDefault(InteractionKind.REFUND, 0L))
        .isGreaterThanOrEqualTo(summary.refunds() + summary.cancellations());
    assertThat(data.catalog()).hasSize(summary.products());
    // the same events give the same records
    assertThat(GeneratedInteractions.of(shop).records()).isEqualTo(data.records());
    // purchases belong to the people who logged in to buy, not to their cookies
    Map<Boolean, Long> anonymousPurchases = data.records().stream()
        .filter(r -> r.kind() == InteractionKind.PURCHASE)
        .collect(Collectors.partitioningBy(r -> r.user().startsWith("anon:"), Collectors.counting()));
    assertThat(anonymousPurchases.get(true)).as("%s", anonymousPurchases).isZero();
    assertThat(data.similarity().applyAsDouble(data.catalog().get(0), data.catalog().get(0))).isEqualTo(1.0);
  }
}
