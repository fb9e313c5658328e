package io.shopsense.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.notice.PrivacySummary.Faq;
import io.shopsense.core.notice.PrivacySummary.PurposeLine;
import io.shopsense.core.notice.PrivacySummaryWriter.Language;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivacySummaryWriterTest {
  private static final NoticeSettings BASE = new NoticeSettings("Demo Shop", "privacy@demo.shop",
      Map.of(Purpose.ANALYTICS, "to run the shop you use"), Duration.ofDays(395), Duration.ofDays(30), List.of());

  private static String answer(PrivacySummary s, int i) {
    return s.faq().get(i).answer();
  }

  @Test
  void everyPurposeButTheStrictlyNecessaryOnesNeedsConsent() {
    PrivacySummary s = new PrivacySummaryWriter(BASE).write(Language.EN);

    assertThat(s.purposes()).hasSize(Purpose.values().length);
    assertThat(s.purposes()).filteredOn(p -> !p.needsConsent()).extracting(PurposeLine::purpose)
        .containsExactly("analytics");
    assertThat(s.purposes()).filteredOn(PurposeLine::needsConsent).extracting(PurposeLine::basis)
        .containsOnly("your consent");
    assertThat(answer(s, 0)).contains("Because we need it to serve you: measuring how the shop is used")
        .contains("Only if you agree: choosing products and content that fit you");
  }

  @Test
  void answersTheFiveQuestions() {
    assertThat(new PrivacySummaryWriter(BASE).write(Language.EN).faq()).extracting(Faq::question).containsExactly(
        "What do you use my data for?", "Who gets my data?", "How long do you keep it?",
        "How do I withdraw consent?", "How do I see or delete my data?");
    assertThat(new PrivacySummaryWriter(BASE).write(Language.ZH).faq()).extracting(Faq::question).containsExactly(
        "你们用我的数据做什么？", "谁会获得我的数据？", "你们保留我的数据多久？", "我如何撤回同意？", "我如何查看或删除我的数据？");
  }

  @Test
  void changesWithTheConfiguration() {
    PrivacySummary before = new PrivacySummaryWriter(BASE).write(Language.EN);
    NoticeSettings changed = new NoticeSettings("Other Shop", "dpo@other.shop", Map.of(), Duration.ofDays(90),
        Duration.ofDays(15), List.of(new NoticeSettings.Recipient("MailCo", true, Set.of(Purpose.MARKETING_EMAIL),
            "Ireland")));
    PrivacySummary after = new PrivacySummaryWriter(changed).write(Language.EN);

    assertThat(before.retention()).contains("for 395 days");
    assertThat(after.retention()).contains("for 90 days");
    assertThat(answer(before, 1)).isEqualTo("Only us. We do not give your data to any other company.");
    assertThat(answer(after, 1)).contains("MailCo — processor (acts only on our instructions), for sending you "
        + "offers by email (Ireland)");
    assertThat(answer(before, 4)).contains("within 30 days").contains("privacy@demo.shop");
    assertThat(answer(after, 4)).contains("within 15 days").contains("dpo@other.shop");
    assertThat(after.purposes()).allMatch(PurposeLine::needsConsent);
    assertThat(answer(after, 0)).doesNotContain("Because we need it");
    assertThat(after.title()).isEqualTo("Privacy summary of Other Shop");
  }

  @Test
  void saysDataIsKeptUntilErasedWithoutARetention() {
    NoticeSettings none = new NoticeSettings("Demo Shop", "privacy@demo.shop", Map.of(), null, Duration.ofDays(30),
        List.of());

    assertThat(new PrivacySummaryWriter(none).write(Language.EN).retention()).contains("until you ask us to delete");
    assertThat(new PrivacySummaryWriter(none).write(Language.ZH).retention()).contains("直到您要求删除为止");
  }

  @Test
  void writesChinese() {
    PrivacySummary zh = new PrivacySummaryWriter(BASE).write(Language.ZH);

    assertThat(zh.language()).isEqualTo("zh");
    assertThat(zh.retention()).contains("395 天");
    assertThat(answer(zh, 4)).contains("30 天").contains("privacy@demo.shop");
    assertThat(zh.purposes().get(1).description()).isEqualTo("为您挑选合适的商品和内容");
  }

  @Test
  void picksTheLanguageFromATag() {
    assertThat(Language.of("zh-CN")).isEqualTo(Language.ZH);
    assertThat(Language.of("en-GB")).isEqualTo(Language.EN);
    assertThat(Language.of(null)).isEqualTo(Language.EN);
  }

  @Test
  void writesSpansInWholeYearsDaysOrHours() {
    assertThat(PrivacySummaryWriter.span(Duration.ofDays(730), false)).isEqualTo("2 years");
    assertThat(PrivacySummaryWriter.span(Duration.ofDays(1), false)).isEqualTo("1 day");
    assertThat(PrivacySummaryWriter.span(Duration.ofHours(36), false)).isEqualTo("36 hours");
  }

  @Test
  void refusesASummaryWithoutController() {
    assertThatThrownBy(() -> new NoticeSettings(" ", "x", Map.of(), null, Duration.ofDays(30), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
