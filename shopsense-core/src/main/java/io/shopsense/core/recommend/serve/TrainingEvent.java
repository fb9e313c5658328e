package io.shopsense.core.recommend.serve;

import io.shopsense.core.recommend.Interaction;
import java.util.Objects;

/**
 * One interaction of a person with where it happened, the input of {@link ModelSetTrainer}: the order it belongs to
 * (its {@code basket}, for bought-together rules) and the browsing session (for session-kNN). Either is empty when
 * unknown; a purchase without an order id is put in a basket of its person and instant.
 *
 * @param interaction the person (their person id as {@link Interaction#user()}), item, kind, quantity and time
 * @param basket      the order id of a purchase or refund, or empty
 * @param session     the session id of the event, or empty
 */
public record TrainingEvent(Interaction interaction, String basket, String session) {
  public TrainingEvent {
    Objects.requireNonNull(interaction, "interaction");
    basket = basket == null ? "" : basket;
    session = session == null ? "" : session;
  }

  /** An interaction without order or session. */
  public static TrainingEvent of(Interaction interaction) {
    return new TrainingEvent(interaction, "", "");
  }
}
