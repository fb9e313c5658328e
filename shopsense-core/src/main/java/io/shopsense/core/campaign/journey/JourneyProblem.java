package io.shopsense.core.campaign.journey;

/** One thing wrong with a journey definition: where ({@code steps[2].next}, {@code trigger}) and what. */
public record JourneyProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
