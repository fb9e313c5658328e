package io.shopsense.demo;

import static io.shopsense.demo.DemoFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoShopDeterminismTest {
  /**
   * The SHA-256 of the batches of seed 42, about 5,000 events. When the generator changes on purpose this changes
   * too: update it, and check the tests that pin counts of the demo shop elsewhere.
   */
  // changed when the demo storefront began to answer the consent banner (Consent Updated events)
  static final String GOLDEN = "6bd2b1ef0cfb95e70f9062c1e56dbabd615453a6c11b4c1729a7c95c57c19894";

  static String sha256(DemoShop shop, int batchSize) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      shop.writeBatches(batchSize, sha::update);
      shop.products().forEach(p -> sha.update(p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSameSeedGivesByteIdenticalOutput() {
    String first = sha256(DemoShop.of(settings(42, 5_000)), 100);
    String second = sha256(DemoShop.of(settings(42, 5_000)), 100);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void theOutputOfSeed42IsPinned() {
    assertThat(sha256(DemoShop.of(settings(42, 5_000)), 100)).isEqualTo(GOLDEN);
  }

  @Test
  void aShopGivesTheSameEventsOnEveryPass() {
    DemoShop shop = DemoShop.of(settings(3, 3_000));

    assertThat(sha256(shop, 250)).isEqualTo(sha256(shop, 250));
    assertThat(shop.events().map(JsonNode::toString).collect(Collectors.toList()))
        .isEqualTo(shop.events().map(JsonNode::toString).collect(Collectors.toList()));
  }

  @Test
  void aDifferentSeedGivesADifferentShop() {
    DemoShop a = DemoShop.of(settings(1, 3_000));
    DemoShop b = DemoShop.of(settings(2, 3_000));

    assertThat(sha256(a, 100)).isNotEqualTo(sha256(b, 100));
    assertThat(a.products()).isNotEqualTo(b.products());
    assertThat(a.events().limit(50).map(e -> e.get("anonymousId")).collect(Collectors.toList()))
        .isNotEqualTo(b.events().limit(50).map(e -> e.get("anonymousId")).collect(Collectors.toList()));
  }

  @Test
  void theBatchesHoldExactlyTheEventsOfTheStreamInOrder() throws IOException {
    DemoShop shop = DemoShop.of(settings(5, 2_000));
    ObjectMapper mapper = new ObjectMapper();
    List<byte[]> bodies = new ArrayList<>();
    DemoSummary summary = shop.writeBatches(300, bodies::add);

    List<JsonNode> batched = new ArrayList<>();
    for (byte[] body : bodies) {
      JsonNode batch = mapper.readTree(body);
      assertThat(batch.size()).isEqualTo(1);
      assertThat(batch.get("batch").size()).isLessThanOrEqualTo(300);
      batch.get("batch").forEach(batched::add);
    }
    List<ObjectNode> streamed = shop.events().collect(Collectors.toList());

    assertThat(batched).hasSize(streamed.size()).hasSize((int) summary.events());
    assertThat(bodies.subList(0, bodies.size() - 1)).allSatisfy(b -> assertThat(parse(mapper, b).get("batch").size())
        .isEqualTo(300));
    for (int i = 0; i < streamed.size(); i++) {
      assertThat(batched.get(i).toString()).isEqualTo(mapper.readTree(streamed.get(i).toString()).toString());
    }
  }

  @Test
  void theSummaryIsTheSameWhicheverPassCountedIt() {
    DemoShop shop = DemoShop.of(settings(9, 3_000));
    DemoSummary counted = shop.summary();

    assertThat(DemoShop.of(settings(9, 3_000)).writeBatches(1_000, b -> { })).isEqualTo(counted);
  }

  private static JsonNode parse(ObjectMapper mapper, byte[] body) {
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
