package io.shopsense.server.web.privacy;

import io.shopsense.api.id.PersonId;
import io.shopsense.core.identity.PersonView;
import io.shopsense.core.usage.UsageReport;
import io.shopsense.platform.Platform;
import io.shopsense.server.security.CustomerPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's own view, authenticated by a customer token: only ever the data of the person the token names (an id
 * merged away since leads to the survivor, whose data it now is).
 */
@RestController
@RequestMapping(path = "/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
public class MeController {
  private final Platform platform;

  public MeController(Platform platform) {
    this.platform = platform;
  }

  /** What my data was used for, per day and purpose, in plain words ({@code lang=zh} or Accept-Language for Chinese). */
  @GetMapping("/usage")
  public Map<String, Object> usage(@AuthenticationPrincipal CustomerPrincipal me,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
    java.util.Optional<PersonView> view = platform.persons().find(me.person());
    PersonId person = view.map(PersonView::id).orElse(me.person());
    return UsageViews.report(person, UsageViews.counts(platform, person, view), lang, acceptLanguage);
  }

  /** Shared by the customer's and the staff's usage views. */
  static final class UsageViews {
    private UsageViews() {}

    /** The person's counts, with those recorded under ids merged into them. */
    static java.util.List<io.shopsense.api.privacy.UsageCount> counts(Platform platform, PersonId person,
        java.util.Optional<PersonView> view) {
      java.util.List<PersonId> merged = view.map(v -> v.merges().stream()
          .filter(m -> m.survivor().equals(person)).map(io.shopsense.api.identity.MergeRecord::merged).toList())
          .orElse(java.util.List.of());
      return io.shopsense.core.usage.PersonUsage.of(platform.stores().usageLog(), person, merged);
    }

    static Map<String, Object> report(PersonId person, java.util.List<io.shopsense.api.privacy.UsageCount> counts,
        String lang, String acceptLanguage) {
      boolean zh = io.shopsense.core.notice.PrivacySummaryWriter.Language.of(lang != null ? lang : acceptLanguage)
          == io.shopsense.core.notice.PrivacySummaryWriter.Language.ZH;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("person", person.value());
      out.put("language", zh ? "zh" : "en");
      out.put("days", UsageReport.of(counts, zh).days());
      return out;
    }
  }
}
