package io.shopsense.core.usage;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.api.privacy.UsageLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's usage as the person sees it: their own counts plus those recorded under the ids merged into them (the
 * log is not rewritten on a merge), added up per day, purpose and kind, newest day first.
 */
public final class PersonUsage {
  private PersonUsage() {}

  public static List<UsageCount> of(UsageLog log, PersonId survivor, Collection<PersonId> merged) {
    Set<PersonId> ids = new LinkedHashSet<>();
    ids.add(survivor);
    ids.addAll(merged);
    record Key(java.time.LocalDate day, io.shopsense.api.privacy.Purpose purpose,
        io.shopsense.api.privacy.UsageKind kind) {}
    Map<Key, Long> sums = new LinkedHashMap<>();
    for (PersonId id : ids) {
      for (UsageCount c : log.of(id)) {
        sums.merge(new Key(c.day(), c.purpose(), c.kind()), c.count(), Long::sum);
      }
    }
    List<UsageCount> out = new ArrayList<>();
    sums.forEach((k, n) -> out.add(new UsageCount(survivor, k.day(), k.purpose(), k.kind(), n)));
    out.sort(Comparator.comparing(UsageCount::day, Comparator.reverseOrder()).thenComparing(UsageCount::purpose)
        .thenComparing(UsageCount::kind));
    return out;
  }
}
