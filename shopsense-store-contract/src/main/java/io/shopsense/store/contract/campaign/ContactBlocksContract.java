package io.shopsense.store.contract.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.campaign.ContactBlocks;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ContactBlocks}; {@link #open()}, {@link #close()} and {@link #reopen()} as elsewhere. */
public abstract class ContactBlocksContract {
  protected static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  protected static final PersonId ANN = PersonId.of("person-ann");
  protected static final PersonId BOB = PersonId.of("person-bob");

  protected ContactBlocks blocks;

  protected abstract ContactBlocks open() throws Exception;

  protected abstract void close() throws Exception;

  protected ContactBlocks reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openBlocks() throws Exception {
    blocks = open();
  }

  @AfterEach
  void closeBlocks() throws Exception {
    close();
  }

  @Test
  void keepsBlocksAndTheFirstSourceOfARepeat() throws Exception {
    ContactBlock email = ContactBlock.channel(ANN, ContactBlock.Kind.UNSUBSCRIBED, Channel.EMAIL, "link", T0);
    ContactBlock kids = ContactBlock.topic(ANN, ContactBlock.Kind.UNSUBSCRIBED, "kids", "preference-centre",
        T0.plusSeconds(1));
    assertThat(blocks.add(email)).isTrue();
    assertThat(blocks.add(kids)).isTrue();
    assertThat(blocks.add(ContactBlock.channel(ANN, ContactBlock.Kind.UNSUBSCRIBED, Channel.EMAIL, "console",
        T0.plusSeconds(9)))).isFalse();
    assertThat(blocks.add(ContactBlock.all(BOB, ContactBlock.Kind.DO_NOT_CONTACT, "complaint", T0))).isTrue();
    blocks = reopen();

    var of = blocks.of(List.of(ANN, BOB, PersonId.of("nobody")));

    assertThat(of.get(ANN)).containsExactly(email, kids);
    assertThat(of.get(BOB)).singleElement().satisfies(b -> assertThat(b.scope()).isEqualTo(ContactBlock.Scope.ALL));
    assertThat(of.get(PersonId.of("nobody"))).isEmpty();
  }

  @Test
  void liftsABlock() {
    blocks.add(ContactBlock.channel(ANN, ContactBlock.Kind.UNSUBSCRIBED, Channel.SMS, "link", T0));

    assertThat(blocks.remove(ANN, ContactBlock.Kind.UNSUBSCRIBED, ContactBlock.Scope.CHANNEL, "sms")).isTrue();
    assertThat(blocks.remove(ANN, ContactBlock.Kind.UNSUBSCRIBED, ContactBlock.Scope.CHANNEL, "sms")).isFalse();
    assertThat(blocks.of(List.of(ANN)).get(ANN)).isEmpty();
  }

  @Test
  void erasesAPersonsBlocks() {
    blocks.add(ContactBlock.all(ANN, ContactBlock.Kind.UNSUBSCRIBED, "link", T0));
    blocks.add(ContactBlock.all(BOB, ContactBlock.Kind.UNSUBSCRIBED, "link", T0));

    assertThat(blocks.erase(List.of(ANN))).isOne();
    assertThat(blocks.of(List.of(ANN, BOB))).satisfies(m -> {
      assertThat(m.get(ANN)).isEmpty();
      assertThat(m.get(BOB)).hasSize(1);
    });
  }
}
