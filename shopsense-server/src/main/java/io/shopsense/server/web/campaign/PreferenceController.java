package io.shopsense.server.web.campaign;

import io.shopsense.api.id.PersonId;
import io.shopsense.core.identity.PersonView;
import io.shopsense.platform.Platform;
import io.shopsense.server.security.CustomerPrincipal;
import io.shopsense.server.web.ApiProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's own contact preferences, authenticated by a customer token (what the storefront's account page
 * shows): the same choices as the preference centre page, as JSON.
 */
@RestController
@RequestMapping(path = "/v1/me/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
public class PreferenceController {
  static final String SOURCE = "customer-api";

  private final Platform platform;
  private final Clock clock;

  public PreferenceController(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /**
   * The choices to save, replacing what was saved. {@code channels} null (left out) accepts every channel;
   * {@code preferredChannel} null for none; {@code frequency} {@code any} (the default), {@code daily} or
   * {@code weekly}.
   */
  public record PreferencesBody(List<String> channels, String preferredChannel, String frequency,
      List<String> mutedTopics, Boolean unsubscribedAll) {}

  @GetMapping
  public Map<String, Object> get(@AuthenticationPrincipal CustomerPrincipal me) {
    return PreferenceChoices.load(platform, person(me)).toJson();
  }

  /** Saves the choices; 400 naming the first problem (an unknown channel or frequency, no channel at all, ...). */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> put(@AuthenticationPrincipal CustomerPrincipal me, @RequestBody PreferencesBody body) {
    if (body == null) {
      throw ApiProblem.badRequest("invalid_preferences", "send the preferences as a JSON object");
    }
    PreferenceChoices choices;
    try {
      choices = PreferenceChoices.parse(body.channels(), body.preferredChannel(), body.frequency(),
          body.mutedTopics(), Boolean.TRUE.equals(body.unsubscribedAll()));
    } catch (IllegalArgumentException invalid) {
      throw ApiProblem.badRequest("invalid_preferences", invalid.getMessage());
    }
    PersonId person = person(me);
    choices.save(platform, person, SOURCE, clock.instant());
    return PreferenceChoices.load(platform, person).toJson();
  }

  /** The token's person, or the survivor it was merged into. */
  private PersonId person(CustomerPrincipal me) {
    return platform.persons().find(me.person()).map(PersonView::id).orElse(me.person());
  }
}
