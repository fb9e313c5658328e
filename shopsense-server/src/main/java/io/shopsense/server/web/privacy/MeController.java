package io.shopsense.server.web.privacy;

import io.shopsense.api.id.PersonId;
import io.shopsense.core.identity.PersonView;
import io.shopsense.platform.Platform;
import io.shopsense.server.security.CustomerPrincipal;
import java.util.Map;
import java.util.Optional;
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
    Optional<PersonView> view = platform.persons().find(me.person());
    PersonId person = view.map(PersonView::id).orElse(me.person());
    return UsageViews.report(person, UsageViews.counts(platform, person, view), lang, acceptLanguage);
  }
}
