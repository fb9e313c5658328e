package io.shopsense.server.web.privacy;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.privacy.UsageCount;
import io.shopsense.core.identity.PersonView;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A person's usage log for staff (the privacy officer answering a question), by person id. */
@RestController
public class UsageController {
  private final Platform platform;

  public UsageController(Platform platform) {
    this.platform = platform;
  }

  @GetMapping(path = "/v1/privacy/usage/{personRef}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> usage(@PathVariable String personRef, @RequestParam(required = false) String lang) {
    PersonId asked = PersonId.of(personRef);
    Optional<PersonView> view = platform.persons().find(asked);
    PersonId person = view.map(PersonView::id).orElse(asked);
    List<UsageCount> counts = UsageViews.counts(platform, person, view);
    if (counts.isEmpty() && view.isEmpty()) {
      throw ApiProblem.notFound("person");
    }
    return UsageViews.report(person, counts, lang, null);
  }
}
