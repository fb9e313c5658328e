package io.shopsense.server.web;

/**
 * A copy of a failure for the log: the same classes and stack traces, cause by cause, without the messages. Messages
 * of unexpected failures can quote what a person sent (a database's "key (email)=(...) already exists", a parser
 * quoting its input), and the log must never hold personal data; the class and the frames are what a developer needs.
 */
public final class RedactedFailure extends RuntimeException {
  private RedactedFailure(Throwable original, RedactedFailure cause) {
    super(original.getClass().getName() + " (message withheld from the log)", cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  /** The redacted copy of {@code failure} and its causes (a cycle in the chain ends the copy). */
  public static RedactedFailure of(Throwable failure) {
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
      chain.add(t);
    }
    RedactedFailure copy = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      copy = new RedactedFailure(chain.get(i), copy);
    }
    return copy;
  }
}
