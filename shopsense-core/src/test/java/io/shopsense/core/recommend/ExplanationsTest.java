package io.shopsense.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplanationsTest {
  static final Map<String, String> NAMES = Map.of("p1", "Green Tea", "p2", "Teapot", "p3", "Coffee Beans",
      "p4", "  ");
  static final Explanations EXPLAIN = new Explanations(id -> Optional.ofNullable(NAMES.get(id)));
  static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  @Test
  void everyReasonReadsAsASentenceInEnglish() {
    assertThat(EXPLAIN.explain(new Reason.Because("p1"), Locale.ENGLISH)).isEqualTo("Because you viewed Green Tea");
    assertThat(EXPLAIN.explain(new Reason.SimilarTo("p2"), Locale.UK)).isEqualTo("Similar to Teapot");
    assertThat(EXPLAIN.explain(new Reason.OftenBoughtWith("p2"), Locale.US)).isEqualTo("Often bought with Teapot");
    assertThat(EXPLAIN.explain(Reason.PopularIn.category("Tea"), Locale.ENGLISH))
        .isEqualTo("Popular in Tea this week");
    assertThat(EXPLAIN.explain(new Reason.PopularIn("region:Shanghai"), Locale.ENGLISH))
        .isEqualTo("Popular in Shanghai this week");
    assertThat(EXPLAIN.explain(Reason.PopularIn.global(), Locale.ENGLISH)).isEqualTo("Popular this week");
    assertThat(EXPLAIN.explain(new Reason.NewIn("Tea"), Locale.ENGLISH))
        .isEqualTo("New in Tea");
    assertThat(EXPLAIN.explain(new Reason.DueAgain("p3"), Locale.ENGLISH)).isEqualTo("Time to stock up on Coffee Beans");
  }

  @Test
  void everyReasonReadsAsASentenceInChinese() {
    assertThat(EXPLAIN.explain(new Reason.Because("p1"), ZH)).isEqualTo("因为您浏览过Green Tea");
    assertThat(EXPLAIN.explain(new Reason.SimilarTo("p2"), ZH)).isEqualTo("与Teapot相似");
    assertThat(EXPLAIN.explain(new Reason.OftenBoughtWith("p2"), Locale.TRADITIONAL_CHINESE))
        .isEqualTo("常与Teapot一起购买");
    assertThat(EXPLAIN.explain(Reason.PopularIn.category("茶叶"), ZH)).isEqualTo("茶叶本周热门");
    assertThat(EXPLAIN.explain(Reason.PopularIn.global(), Locale.CHINESE)).isEqualTo("本周热门");
    assertThat(EXPLAIN.explain(new Reason.NewIn("茶叶"), ZH)).isEqualTo("茶叶新品");
    assertThat(EXPLAIN.explain(new Reason.DueAgain("p3"), ZH)).isEqualTo("是时候补充Coffee Beans了");
  }

  @Test
  void missingOrBlankNamesNeverShowAnId() {
    List<Reason> reasons = List.of(new Reason.Because("p9"), new Reason.SimilarTo("p9"),
        new Reason.OftenBoughtWith("p4"), new Reason.DueAgain("p9"));
    assertThat(reasons).extracting(r -> EXPLAIN.explain(r, Locale.ENGLISH)).containsExactly(
        "Because of items you viewed", "Similar to items you looked at", "Often bought together",
        "Time to stock up again");
    assertThat(reasons).extracting(r -> EXPLAIN.explain(r, ZH)).containsExactly(
        "根据您的浏览记录", "与您看过的商品相似", "常被一起购买", "是时候补货了");
  }

  @Test
  void explainsAScoredItemByItsReason() {
    assertThat(EXPLAIN.explain(new ScoredItem("p2", 0.8, new Reason.OftenBoughtWith("p1")), Locale.ENGLISH))
        .isEqualTo("Often bought with Green Tea");
    assertThat(EXPLAIN.explain(new Reason.PopularIn("weekly-picks"), Locale.ENGLISH))
        .as("an unknown scope is shown whole").isEqualTo("Popular in weekly-picks this week");
  }
}
