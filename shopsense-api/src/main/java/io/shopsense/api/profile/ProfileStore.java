package io.shopsense.api.profile;

import io.shopsense.api.Slice;
import io.shopsense.api.id.PersonId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The profiles of persons, one per person id (the survivor's id after merges). Persistence only: what a profile
 * holds and how it is derived is core's. Written by one profile consumer at a time; each call is atomic on its own
 * and joins the caller's {@link io.shopsense.api.UnitOfWork}.
 */
public interface ProfileStore {

  Optional<StoredProfile> get(PersonId person);

  /** The stored profiles among {@code persons}; absent ones are left out. */
  Map<PersonId, StoredProfile> getAll(Collection<PersonId> persons);

  /** Inserts or replaces each profile. */
  void putAll(Collection<StoredProfile> profiles);

  /** Replaces only the facts (and the update time) of stored profiles, leaving their state as it is. */
  void putFacts(Map<PersonId, ProfileFacts> facts, Instant at);

  /** Deletes the profiles; unknown persons are ignored. */
  void deleteAll(Collection<PersonId> persons);

  /** A page of profiles in person id order. */
  Slice<StoredProfile> list(ProfileQuery query);

  /** Hands every profile's facts to {@code sink}, in person id order, without reading the states. */
  void scanFacts(BiConsumer<PersonId, ProfileFacts> sink);

  /** Hands every stored profile to {@code sink}, in person id order. */
  void scan(Consumer<StoredProfile> sink);

  long count();

  /** The number of profiles per lifecycle stage key. */
  Map<String, Long> countByStage();

  /** The number of profiles per RFM cell (profiles without scores are not counted). */
  Map<RfmCell, Long> rfmGrid();

  /** A small named document (e.g. the fitted RFM model), or empty. */
  Optional<String> setting(String key);

  void putSetting(String key, String value);
}
