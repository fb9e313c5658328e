package io.shopsense.core.campaign.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ConsentCheck;
import io.shopsense.api.privacy.ConsentDecision;
import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PreferredChannelResolverTest {
  private static final PersonId ANNA = PersonId.of("p-anna");

  /** Consent as a fixed set of granted purposes (the ledger-backed check is tested in the consent package). */
  private record Granted(Set<Purpose> purposes) implements ConsentCheck {
    @Override
    public ConsentDecision check(PersonId person, Purpose purpose) {
      return purposes.contains(purpose) ? new ConsentDecision.Allowed(purpose, LawfulBasis.CONSENT, false)
          : new ConsentDecision.Refused(purpose, ConsentDecision.NO_CONSENT_RECORDED);
    }

    @Override
    public Map<PersonId, ConsentDecision> check(Collection<PersonId> persons, Purpose purpose) {
      return persons.stream().collect(Collectors.toMap(Function.identity(), p -> check(p, purpose)));
    }
  }

  private static PreferredChannelResolver resolver(Set<Purpose> granted, Map<Channel, String> addresses) {
    return new PreferredChannelResolver(new Granted(granted),
        (person, channel) -> Optional.ofNullable(addresses.get(channel)));
  }

  private static final Map<Channel, String> ALL = Map.of(Channel.EMAIL, "anna@x.example", Channel.SMS,
      "+49151", Channel.IN_APP, "p-anna");
  private static final List<Channel> ORDER = List.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP);

  @Test
  void takesThePreferredChannelWhenConsentedAndReachable() {
    ChannelChoice c = resolver(Set.of(Purpose.MARKETING_EMAIL, Purpose.MARKETING_SMS), ALL)
        .choose(ANNA, Optional.of(Channel.SMS), ORDER, true);
    assertThat(c).isEqualTo(new ChannelChoice.Chosen(Channel.SMS, "+49151", "the person's preferred channel"));
  }

  @Test
  void fallsBackInTheCampaignsOrderWithTheReasons() {
    ChannelChoice c = resolver(Set.of(Purpose.MARKETING_IN_APP), ALL)
        .choose(ANNA, Optional.of(Channel.SMS), ORDER, true);
    assertThat(c).isInstanceOf(ChannelChoice.Chosen.class);
    ChannelChoice.Chosen chosen = (ChannelChoice.Chosen) c;
    assertThat(chosen.channel()).isEqualTo(Channel.IN_APP);
    assertThat(chosen.reason()).contains("sms: no_consent_recorded for marketing_sms",
        "email: no_consent_recorded for marketing_email");
  }

  @Test
  void skipsUnreachableChannelsAndAPreferenceOutsideTheCampaign() {
    ChannelChoice c = resolver(Set.of(Purpose.values()), Map.of(Channel.IN_APP, "p-anna", Channel.PUSH, "tok"))
        .choose(ANNA, Optional.of(Channel.PUSH), ORDER, true);
    assertThat(c).isInstanceOf(ChannelChoice.Chosen.class);
    assertThat(((ChannelChoice.Chosen) c).channel()).isEqualTo(Channel.IN_APP);
    assertThat(((ChannelChoice.Chosen) c).reason()).contains("push: preferred, but not a channel of this campaign",
        "email: no address for the person");
  }

  @Test
  void transactionalMessagesNeedNoMarketingConsent() {
    ChannelChoice c = resolver(Set.of(), ALL).choose(ANNA, Optional.empty(), ORDER, false);
    assertThat(c).isEqualTo(new ChannelChoice.Chosen(Channel.EMAIL, "anna@x.example",
        "the campaign's first reachable channel"));
  }

  @Test
  void nobodyReachableExplainsEveryChannel() {
    ChannelChoice c = resolver(Set.of(), ALL).choose(ANNA, Optional.empty(), ORDER, true);
    assertThat(c).isInstanceOf(ChannelChoice.None.class);
    assertThat(((ChannelChoice.None) c).reasons()).hasSize(3);
  }
}
