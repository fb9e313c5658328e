package io.shopsense.core.campaign.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.SharedIdentifiers.Shared;
import org.junit.jupiter.api.Test;

class IdentifierIndexTest {
  static final PersonId ANNA = PersonId.of("anna");
  static final PersonId ANNA2 = PersonId.of("anna-2");
  static final PersonId BEN = PersonId.of("ben");

  @Test
  void findsOtherPersonsSharingAnEmailPhoneOrDevice() {
    IdentifierIndex index = new IdentifierIndex();
    index.register(ANNA, "email", "Anna.Lee@gmail.com");
    index.register(ANNA2, "email", "annalee+promo@googlemail.com");
    index.register(BEN, "phone", "+86 138-0000-0000");
    index.register(ANNA, "phone", "+8613800000000");
    index.register(BEN, "device", "d-1");

    assertThat(index.sharedWith(ANNA)).containsExactlyInAnyOrder(new Shared(ANNA2, "email"), new Shared(BEN, "phone"));
    assertThat(index.sharedWith(ANNA2)).containsExactly(new Shared(ANNA, "email"));
    assertThat(index.sharedWith(PersonId.of("nobody"))).isEmpty();
  }
}
