package io.shopsense.store.jdbc;

import io.shopsense.api.crypto.SealedFields;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.store.contract.SealedTraitStoreContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The {@link SealedTraitStoreContract} on an H2 file database. */
class H2SealedTraitStoreTest extends SealedTraitStoreContract {
  @TempDir
  Path dir;
  private final ReopenableStores stores = ReopenableStores.h2(() -> dir);
  private JdbcStores current;

  @Override
  protected TraitStore open() {
    current = stores.open();
    current.sealedTraits().protect(cipher());
    return current.traitStore();
  }

  @Override
  protected void close() {
    stores.close();
  }

  @Override
  protected SealedFields sealed() {
    return current.sealedTraits();
  }

  @Override
  protected Map<String, String> raw(PersonId person) throws Exception {
    return RawTraits.read(current, person);
  }

  @Override
  protected void writeRaw(PersonId person, String trait, String text) throws Exception {
    RawTraits.write(current, person, trait, text);
  }
}
