package io.shopsense.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageReportTest {
  private static final PersonId ANN = PersonId.of("p-ann");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  @Test
  void groupsByDayNewestFirstInPlainWords() {
    UsageReport r = UsageReport.of(List.of(
        new UsageCount(ANN, DAY.plusDays(1), Purpose.PERSONALISATION, UsageKind.RECOMMENDATIONS_SERVED, 4),
        new UsageCount(ANN, DAY, Purpose.MARKETING_EMAIL, UsageKind.MESSAGE_SENT, 1),
        new UsageCount(ANN, DAY, Purpose.PERSONALISATION, UsageKind.SEGMENT_ENTERED, 2)), false);

    assertThat(r.days()).extracting(UsageReport.Day::day).containsExactly(DAY.plusDays(1), DAY);
    assertThat(r.days().get(0).lines().get(0).sentence())
        .isEqualTo("Products were recommended to you (4 times), for choosing products and content that fit you.");
    assertThat(r.days().get(1).lines().get(0).sentence())
        .isEqualTo("A message was sent to you (once), for sending you offers by email.");
  }

  @Test
  void speaksChinese() {
    UsageReport r = UsageReport.of(List.of(new UsageCount(ANN, DAY, Purpose.MARKETING_SMS, UsageKind.MESSAGE_SENT,
        3)), true);

    assertThat(r.days().get(0).lines().get(0).sentence()).startsWith("向您发送了一条消息（3 次）");
  }
}
