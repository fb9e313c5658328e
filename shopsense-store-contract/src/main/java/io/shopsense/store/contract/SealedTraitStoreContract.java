package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.crypto.FieldCipher;
import io.shopsense.api.crypto.SealedFields;
import io.shopsense.api.crypto.SealedFormat;
import io.shopsense.api.crypto.SealedValueException;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.crypto.CryptoSettings;
import io.shopsense.core.crypto.KeyDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link TraitStoreContract} again with personal traits sealed, plus what sealing adds: personal values are
 * stored sealed and bound to their row, other traits stay clear, values stored before sealing still read, and the
 * re-encryption ({@link SealedFields#reseal()}) moves plain and old values to the current key.
 *
 * <p>A backend's {@link #open()} hands {@link #cipher()} to its sealed fields before returning the store;
 * {@link #sealed()} is that store's {@link SealedFields}; {@link #raw} and {@link #writeRaw} read and write the stored
 * text of one trait directly, as someone with access to the database (not the keys) would.
 */
public abstract class SealedTraitStoreContract extends TraitStoreContract {
  private KeyDirectory keys;

  /** The cipher of this test's key ring (in a temporary directory, the same across reopens). */
  protected FieldCipher cipher() {
    if (keys == null) {
      try {
        Path dir = Files.createTempDirectory("shopsense-keys-");
        dir.toFile().deleteOnExit();
        keys = KeyDirectory.open(CryptoSettings.inDirectory(dir.resolve("keys")), Clock.fixed(T0,
            java.time.ZoneOffset.UTC));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys.cipher();
  }

  protected abstract SealedFields sealed();

  /** The stored text of each trait of {@code person}, as in the database. */
  protected abstract Map<String, String> raw(PersonId person) throws Exception;

  /** Stores {@code text} as the trait's stored text directly, bypassing the port. */
  protected abstract void writeRaw(PersonId person, String trait, String text) throws Exception;

  @Test
  void personalTraitsAreStoredSealedAndOthersClear() throws Exception {
    traits.set(ANNA, props("email", "anna@example.com", "first_name", "Anna", "plan", "gold"), T0);

    Map<String, String> raw = raw(ANNA);
    assertThat(raw.get("email")).startsWith(SealedFormat.PREFIX).doesNotContain("anna");
    assertThat(raw.get("first_name")).startsWith(SealedFormat.PREFIX).doesNotContain("Anna");
    assertThat(raw.get("plan")).isEqualTo("\"gold\"");
    assertThat(traits.get(ANNA).values()).containsEntry("email", "anna@example.com")
        .containsEntry("first_name", "Anna").containsEntry("plan", "gold");
    assertThat(traits.getAll(java.util.List.of(ANNA)).get(ANNA).values()).containsEntry("email", "anna@example.com");
  }

  @Test
  void aSealedValueCopiedIntoAnotherRowDoesNotOpen() throws Exception {
    traits.set(ANNA, props("email", "anna@example.com"), T0);
    traits.set(BEN, props("email", "ben@example.com"), T0);
    writeRaw(BEN, "email", raw(ANNA).get("email"));

    assertThatThrownBy(() -> traits.get(BEN)).isInstanceOf(SealedValueException.class)
        .hasMessageNotContaining("anna");
    writeRaw(ANNA, "phone", raw(ANNA).get("email"));
    assertThatThrownBy(() -> traits.get(ANNA)).isInstanceOf(SealedValueException.class);
  }

  @Test
  void plainValuesFromBeforeSealingStillReadAndResealingSealsThem() throws Exception {
    traits.set(ANNA, props("plan", "gold"), T0);
    writeRaw(ANNA, "email", "\"old@example.com\"");

    assertThat(traits.get(ANNA).values()).containsEntry("email", "old@example.com");
    assertThat(sealed().census()).isEqualTo(new SealedFields.Census(1, 0, 0));
    assertThat(sealed().reseal()).isEqualTo(1);
    assertThat(raw(ANNA).get("email")).startsWith(SealedFormat.PREFIX);
    assertThat(raw(ANNA).get("plan")).isEqualTo("\"gold\"");
    assertThat(traits.get(ANNA).values()).containsEntry("email", "old@example.com");
    assertThat(sealed().census()).isEqualTo(new SealedFields.Census(0, 1, 0));
    assertThat(sealed().reseal()).isZero();
  }

  @Test
  void afterARotationResealingMovesEveryPageOfOldValuesToTheNewKey() throws Exception {
    int persons = 1_100; // more than two pages of the re-encryption scan
    for (int i = 0; i < persons; i++) {
      traits.set(PersonId.of("p-" + i), props("email", "p" + i + "@example.com", "plan", "basic"), T0);
    }
    keys.rotateDataKey();
    traits.set(ANNA, props("email", "anna@example.com"), T0);

    assertThat(sealed().census()).isEqualTo(new SealedFields.Census(0, 1, persons));
    assertThat(sealed().reseal()).isEqualTo(persons);
    assertThat(sealed().census()).isEqualTo(new SealedFields.Census(0, persons + 1, 0));
    assertThat(traits.get(PersonId.of("p-777")).values()).containsEntry("email", "p777@example.com");
  }

  @Test
  void aMergeSealsTheMovedValuesForTheSurvivor() throws Exception {
    traits.set(ANNA, props("email", "anna@example.com"), T0);
    traits.merge(ANNA, BEN);

    assertThat(traits.get(BEN).values()).containsEntry("email", "anna@example.com");
    assertThat(raw(BEN).get("email")).startsWith(SealedFormat.PREFIX);
    assertThat(raw(ANNA)).isEmpty();
  }

  @Test
  void sealedValuesSurviveAReopen() throws Exception {
    traits.set(ANNA, props("email", "anna@example.com"), T0);
    traits = reopen();
    assertThat(traits.get(ANNA).values()).containsEntry("email", "anna@example.com");
  }
}
