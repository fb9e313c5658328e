package io.shopsense.server.web.privacy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.core.identity.PersonView;
import io.shopsense.core.notice.PrivacySummaryWriter.Language;
import io.shopsense.core.usage.PersonUsage;
import io.shopsense.core.usage.UsageReport;
import io.shopsense.platform.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A person's usage as the customer's and the staff's views answer it. */
final class UsageViews {
  private UsageViews() {}

  /** The person's counts, with those recorded under ids merged into them. */
  static List<UsageCount> counts(Platform platform, PersonId person, Optional<PersonView> view) {
    List<PersonId> merged = view.map(v -> v.merges().stream().filter(m -> m.survivor().equals(person))
        .map(MergeRecord::merged).toList()).orElse(List.of());
    return PersonUsage.of(platform.stores().usageLog(), person, merged);
  }

  /** The report, in Chinese when {@code lang} (else the Accept-Language header) asks for it. */
  static Map<String, Object> report(PersonId person, List<UsageCount> counts, String lang, String acceptLanguage) {
    boolean zh = Language.of(lang != null ? lang : acceptLanguage) == Language.ZH;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("person", person.value());
    out.put("language", zh ? "zh" : "en");
    out.put("days", UsageReport.of(counts, zh).days());
    return out;
  }
}
