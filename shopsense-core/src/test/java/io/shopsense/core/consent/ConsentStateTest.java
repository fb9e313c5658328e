package io.shopsense.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.ConsentRecord;
import io.shopsense.api.privacy.ConsentSubject;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a history of decisions means: nothing pre-ticked, latest decision per purpose wins, withdrawn vs refused. */
class ConsentStateTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final ConsentSubject ANNA = ConsentSubject.of(PersonId.of("p-anna"));
  private static final Map<Purpose, LawfulBasis> NONE = Map.of();

  private static ConsentRecord rec(long seq, Purpose purpose, boolean granted, long second) {
    return new ConsentRecord(seq, ANNA, purpose, granted, LawfulBasis.CONSENT, "cookie_banner", "2026-05",
        T0.plusSeconds(second), "c-" + seq);
  }

  @Test
  void nothingOnRecordRefusesEveryPurpose() {
    for (Purpose p : Purpose.values()) {
      assertThat(ConsentState.EMPTY.decide(p, NONE))
          .isEqualTo(new ConsentDecision.Refused(p, ConsentDecision.NO_CONSENT_RECORDED));
    }
  }

  @Test
  void aStrictlyNecessaryPurposeIsAllowedOnItsBasisWhateverIsOnRecord() {
    Map<Purpose, LawfulBasis> necessary = Map.of(Purpose.ANALYTICS, LawfulBasis.LEGITIMATE_INTERESTS);
    ConsentState refused = ConsentState.of(List.of(rec(1, Purpose.ANALYTICS, false, 0)));
    assertThat(refused.decide(Purpose.ANALYTICS, necessary))
        .isEqualTo(new ConsentDecision.Allowed(Purpose.ANALYTICS, LawfulBasis.LEGITIMATE_INTERESTS, true));
    assertThat(ConsentState.EMPTY.decide(Purpose.PERSONALISATION, necessary).allowed()).isFalse();
  }

  @Test
  void theLatestDecisionWinsByTimeThenBySequence() {
    // appended out of order: the refusal was made later, so it wins although its number is smaller
    ConsentState s = ConsentState.of(List.of(rec(2, Purpose.ANALYTICS, true, 0), rec(1, Purpose.ANALYTICS, false, 5)));
    assertThat(s.decide(Purpose.ANALYTICS, NONE))
        .isEqualTo(new ConsentDecision.Refused(Purpose.ANALYTICS, ConsentDecision.CONSENT_WITHDRAWN));
    ConsentState tie = ConsentState.of(List.of(rec(3, Purpose.ANALYTICS, true, 0), rec(4, Purpose.ANALYTICS, false, 0)));
    assertThat(tie.decide(Purpose.ANALYTICS, NONE).allowed()).isFalse();
    assertThat(tie.latest(Purpose.ANALYTICS).seq()).isEqualTo(4);
  }

  @Test
  void tellsAWithdrawalFromARefusalAndKeepsPurposesApart() {
    ConsentState s = ConsentState.of(List.of(rec(1, Purpose.MARKETING_EMAIL, true, 0),
        rec(2, Purpose.MARKETING_EMAIL, false, 1), rec(3, Purpose.MARKETING_SMS, false, 1),
        rec(4, Purpose.PERSONALISATION, true, 2)));
    assertThat(s.decide(Purpose.MARKETING_EMAIL, NONE))
        .isEqualTo(new ConsentDecision.Refused(Purpose.MARKETING_EMAIL, ConsentDecision.CONSENT_WITHDRAWN));
    assertThat(s.decide(Purpose.MARKETING_SMS, NONE))
        .isEqualTo(new ConsentDecision.Refused(Purpose.MARKETING_SMS, ConsentDecision.CONSENT_REFUSED));
    assertThat(s.decide(Purpose.PERSONALISATION, NONE))
        .isEqualTo(new ConsentDecision.Allowed(Purpose.PERSONALISATION, LawfulBasis.CONSENT, false));
    assertThat(s.decide(Purpose.ANALYTICS, NONE).allowed()).isFalse();
  }

  @Test
  void mergingTwoHistoriesKeepsTheLatestDecisionOfEither() {
    ConsentState merged = ConsentState.of(List.of(rec(1, Purpose.ANALYTICS, true, 0)))
        .merge(ConsentState.of(List.of(rec(2, Purpose.ANALYTICS, false, 10), rec(3, Purpose.MARKETING_PUSH, true, 0))));
    assertThat(merged.decide(Purpose.ANALYTICS, NONE).allowed()).isFalse();
    assertThat(merged.decide(Purpose.MARKETING_PUSH, NONE).allowed()).isTrue();
    assertThat(ConsentState.EMPTY.merge(merged)).isSameAs(merged);
    assertThat(merged.merge(ConsentState.EMPTY)).isSameAs(merged);
  }

  @Test
  void settingsRefuseConsentAsTheBasisOfAStrictlyNecessaryPurposeAndAFollowerSlowerThanASecond() {
    assertThatThrownBy(() -> ConsentSettings.defaults().withStrictlyNecessary(Map.of(Purpose.ANALYTICS,
        LawfulBasis.CONSENT))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("analytics");
    assertThatThrownBy(() -> new ConsentSettings(Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ConsentSettings.defaults().strictlyNecessary()).isEmpty();
  }
}
