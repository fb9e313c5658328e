package io.shopsense.server.recommend;

import io.shopsense.core.recommend.serve.ModelSet;
import java.util.Objects;

/** The outcome of asking {@link ModelJobs} to change the served models. */
public sealed interface ModelChange permits ModelChange.Done, ModelChange.Busy {

  /** The change was made; {@code served} is the set served now. */
  record Done(ModelSet served) implements ModelChange {
    public Done {
      Objects.requireNonNull(served, "served");
    }
  }

  /** Another change (a retrain, an install, the erasure check) was running; nothing was done. */
  record Busy() implements ModelChange {}
}
