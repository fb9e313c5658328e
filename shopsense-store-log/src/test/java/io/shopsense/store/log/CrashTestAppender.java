package io.shopsense.store.log;

import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.store.contract.Envelopes;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link SegmentEventLogCrashIT}: appends from several threads until it is killed and prints
 * {@code <messageId>;} for every message id once its append has returned. Not a test.
 *
 * <p>Arguments: the log directory, the number of appending threads.
 */
public final class CrashTestAppender {

  private CrashTestAppender() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    SegmentEventLog log = SegmentEventLog.open(dir, new SegmentLogSettings(64 << 10, Durability.FSYNC));
    List<Thread> appenders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread appender = new Thread(() -> {
        for (int batch = 0; ; batch++) {
          List<EventEnvelope> events = new ArrayList<>();
          for (int i = 0; i < 1 + (batch * 7 + thread) % 40; i++) {
            events.add(Envelopes.track("t" + thread + "-" + batch + "-" + i, "visitor-" + (i % 13), null));
          }
          List<AppendResult> results = log.append(events);
          StringBuilder acks = new StringBuilder();
          for (int i = 0; i < events.size(); i++) {
            acks.append(events.get(i).messageId().value()).append(';').append(results.get(i).seq()).append('\n');
          }
          synchronized (out) {
            out.print(acks);
            out.flush();
          }
        }
      });
      appender.start();
      appenders.add(appender);
    }
    for (Thread appender : appenders) {
      appender.join();
    }
  }
}
