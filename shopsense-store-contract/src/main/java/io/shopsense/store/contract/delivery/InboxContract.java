package io.shopsense.store.contract.delivery;

import static io.shopsense.store.contract.delivery.DeliveryFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.delivery.Inbox;
import io.shopsense.api.delivery.InboxMessage;
import io.shopsense.api.id.PersonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link Inbox}; {@link #open()} and {@link #close()} as in the other contracts. */
public abstract class InboxContract {
  protected static final PersonId ANNA = PersonId.of("p-anna");
  protected static final PersonId BEN = PersonId.of("p-ben");
  protected Inbox inbox;

  protected abstract Inbox open() throws Exception;

  protected abstract void close() throws Exception;

  @BeforeEach
  void openInbox() throws Exception {
    inbox = open();
  }

  @AfterEach
  void closeInbox() throws Exception {
    close();
  }

  private static InboxMessage message(PersonId person, String key, int second) {
    return new InboxMessage(0, person, key, "Subject " + key, "Text " + key, "", "https://shop.example/" + key,
        T0.plusSeconds(second), null);
  }

  @Test
  void postingAKeyTwiceKeepsOneMessage() {
    InboxMessage first = inbox.post(message(ANNA, "k1", 0));
    InboxMessage again = inbox.post(message(ANNA, "k1", 5));
    assertThat(again).isEqualTo(first);
    assertThat(first.id()).isPositive();
    assertThat(first.postedAt()).isEqualTo(T0);
    assertThat(inbox.list(ANNA, false, 10)).containsExactly(first);
  }

  @Test
  void listsNewestFirstMarksReadOnceAndDeletesOnlyTheOwnersMessages() {
    InboxMessage m1 = inbox.post(message(ANNA, "k1", 0));
    InboxMessage m2 = inbox.post(message(ANNA, "k2", 1));
    InboxMessage b1 = inbox.post(message(BEN, "k3", 2));
    assertThat(inbox.list(ANNA, false, 10)).extracting(InboxMessage::key).containsExactly("k2", "k1");
    assertThat(inbox.list(ANNA, false, 1)).extracting(InboxMessage::key).containsExactly("k2");
    assertThat(inbox.unreadCount(ANNA)).isEqualTo(2);

    assertThat(inbox.markRead(BEN, m1.id(), T0.plusSeconds(10))).isFalse();
    assertThat(inbox.markRead(ANNA, m1.id(), T0.plusSeconds(10))).isTrue();
    assertThat(inbox.markRead(ANNA, m1.id(), T0.plusSeconds(20))).isTrue();
    assertThat(inbox.list(ANNA, true, 10)).extracting(InboxMessage::key).containsExactly("k2");
    assertThat(inbox.list(ANNA, false, 10).get(1).readAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(inbox.unreadCount(ANNA)).isEqualTo(1);

    assertThat(inbox.delete(ANNA, b1.id())).isFalse();
    assertThat(inbox.delete(ANNA, m2.id())).isTrue();
    assertThat(inbox.delete(ANNA, m2.id())).isFalse();
    assertThat(inbox.list(ANNA, false, 10)).extracting(InboxMessage::key).containsExactly("k1");
    assertThat(inbox.erase(BEN)).isEqualTo(1);
    assertThat(inbox.list(BEN, false, 10)).isEmpty();
  }
}
