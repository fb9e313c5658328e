package io.shopsense.core.campaign.journey;

import java.util.List;
import java.util.stream.Collectors;

/** A journey definition that cannot be saved, with every problem found (not just the first). */
public final class InvalidJourneyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<JourneyProblem> problems;

  public InvalidJourneyException(String journey, List<JourneyProblem> problems) {
    super("invalid journey " + journey + ": " + problems.stream().map(JourneyProblem::toString)
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<JourneyProblem> problems() {
    return problems;
  }
}
