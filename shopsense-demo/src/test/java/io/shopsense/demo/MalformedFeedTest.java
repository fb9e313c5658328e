package io.shopsense.demo;

import static io.shopsense.demo.DemoFixtures.ingest;
import static io.shopsense.demo.DemoFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.core.collect.RejectReason;
import io.shopsense.core.collect.internal.EventPreparer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MalformedFeedTest {

  @Test
  void everyBrokenEventIsRejectedForItsLabelledReasonAndEveryOtherIsAccepted() {
    DemoSettings s = settings(42, 40_000);
    DemoShop shop = DemoShop.of(s);
    EventPreparer preparer = DemoFixtures.preparer();
    Map<Defect, Integer> seen = new EnumMap<>(Defect.class);
    List<String> mismatches = new ArrayList<>();
    long[] counts = new long[2];

    shop.malformed(0.1).forEach(l -> {
      EventPreparer.Prepared p = ingest(preparer, l.event(), s.end());
      String reason = p.ok() ? null : p.violations().get(0).reason().code();
      if (!l.expectedReason().equals(java.util.Optional.ofNullable(reason)) && mismatches.size() < 5) {
        mismatches.add(l.defect() + " expected " + l.expectedReason() + " got " + p.violations() + ": "
            + l.event().toString().substring(0, Math.min(400, l.event().toString().length())));
      }
      l.defect().ifPresent(d -> seen.merge(d, 1, Integer::sum));
      counts[l.valid() ? 0 : 1]++;
    });

    assertThat(mismatches).isEmpty();
    double broken = counts[1] / (double) (counts[0] + counts[1]);
    assertThat(broken).isBetween(0.08, 0.12);
    assertThat(seen.keySet()).containsExactlyInAnyOrder(Defect.values());
    assertThat(counts[0] + counts[1]).isEqualTo(shop.summary().events());
  }

  @Test
  void theMalformedFeedIsDeterministicAndKeepsTheEventsAndTheirOrder() {
    DemoShop shop = DemoShop.of(settings(3, 3_000));

    List<String> once = shop.malformed(0.2).map(l -> l.defect() + " " + l.event()).collect(Collectors.toList());
    List<String> again = shop.malformed(0.2).map(l -> l.defect() + " " + l.event()).collect(Collectors.toList());

    assertThat(again).isEqualTo(once);
    List<String> ids = shop.malformed(0.2).filter(LabelledEvent::valid).map(l -> l.event().get("messageId").asText())
        .collect(Collectors.toList());
    List<String> allIds = shop.events().map(e -> e.get("messageId").asText()).collect(Collectors.toList());
    assertThat(allIds).containsAll(ids);
    assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(number(a), number(b)));
  }

  @Test
  void noneOrAllEventsCanBeBroken() {
    DemoShop shop = DemoShop.of(settings(4, 1_000));

    assertThat(shop.malformed(0).allMatch(LabelledEvent::valid)).isTrue();
    assertThat(shop.malformed(1).noneMatch(LabelledEvent::valid)).isTrue();
    assertThatThrownBy(() -> shop.malformed(1.5)).hasMessageContaining("fraction");
    assertThatThrownBy(() -> shop.malformed(Double.NaN)).hasMessageContaining("fraction");
  }

  @Test
  void everyDefectNamesARealRejectReason() {
    Set<String> codes = Arrays.stream(RejectReason.values()).map(RejectReason::code).collect(Collectors.toSet());

    assertThat(Defect.values()).allSatisfy(d -> assertThat(codes).contains(d.reasonCode()));
  }

  private static long number(String messageId) {
    return Long.parseLong(messageId.substring(messageId.lastIndexOf('-') + 1));
  }
}
