package io.shopsense.store.jdbc;

import io.shopsense.api.crypto.SealedFields;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.TraitStore;
import io.shopsense.store.contract.SealedTraitStoreContract;
import java.util.Map;
import io.shopsense.store.contract.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SealedTraitStoreContract} on PostgreSQL, a fresh schema per test. */
class PostgresSealedTraitStoreIT extends SealedTraitStoreContract {
  @RegisterExtension
  static final PostgresTestDatabase PG = new PostgresTestDatabase();
  private final ReopenableStores stores = ReopenableStores.postgres(PG);
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
