package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.UserRef;
import java.util.Objects;

/**
 * Who one request is served for, after the consent check. Only the two personal variants carry anything of the person,
 * so a source that is handed {@link Anonymous} cannot use personal data even by mistake.
 */
sealed interface Audience permits Audience.Anonymous, Audience.Known, Audience.ColdStart {

  Recommendations.Basis basis();

  /** Nobody known, or a person without personalisation consent: nothing personal is used. */
  enum Anonymous implements Audience {
    INSTANCE;

    @Override
    public Recommendations.Basis basis() {
      return Recommendations.Basis.NON_PERSONALISED;
    }
  }

  /** A consenting person the personal model was trained on. */
  record Known(PersonContext context, UserRef.Known user) implements Audience {
    public Known {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(user, "user");
    }

    @Override
    public Recommendations.Basis basis() {
      return Recommendations.Basis.PERSONALISED;
    }
  }

  /** A consenting person the personal model does not know yet: region, segments, interests and the session. */
  record ColdStart(PersonContext context) implements Audience {
    public ColdStart {
      Objects.requireNonNull(context, "context");
    }

    @Override
    public Recommendations.Basis basis() {
      return Recommendations.Basis.COLD_START;
    }
  }
}
