package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.ErasureRegister;
import io.shopsense.api.privacy.ErasureRegister.Erased;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ErasureRegister} (see {@link PrivacyRequestsContract} for open/close/reopen). Decided here:
 * recording a person again keeps the first time; {@code erasedSince} includes the instant given.
 */
public abstract class ErasureRegisterContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final PersonId ANNA = PersonId.of("p-anna");
  protected static final PersonId BEN = PersonId.of("p-ben");

  protected ErasureRegister register;

  protected abstract ErasureRegister open() throws Exception;

  protected abstract void close() throws Exception;

  protected ErasureRegister reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openRegister() throws Exception {
    register = open();
  }

  @AfterEach
  void closeRegister() throws Exception {
    close();
  }

  @Test
  void listsThePersonsErasedSinceAnInstantOldestFirst() throws Exception {
    register.record(BEN, T0.plusSeconds(20));
    register.record(ANNA, T0.plusSeconds(10));
    register.record(ANNA, T0.plusSeconds(30));

    register = reopen();
    assertThat(register.erasedSince(T0)).containsExactly(new Erased(ANNA, T0.plusSeconds(10)),
        new Erased(BEN, T0.plusSeconds(20)));
    assertThat(register.erasedSince(T0.plusSeconds(20))).containsExactly(new Erased(BEN, T0.plusSeconds(20)));
    assertThat(register.erasedSince(T0.plusSeconds(21))).isEmpty();
    assertThat(register.isErased(ANNA)).isTrue();
    assertThat(register.isErased(PersonId.of("p-carl"))).isFalse();
  }
}
