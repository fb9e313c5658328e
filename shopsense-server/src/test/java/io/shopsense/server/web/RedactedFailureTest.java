package io.shopsense.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An unexpected failure is logged with its classes and frames, never with messages that may quote personal data. */
@ExtendWith(OutputCaptureExtension.class)
class RedactedFailureTest {
  @Test
  void keepsClassesAndFramesAndDropsMessages() {
    SQLException cause = new SQLException("duplicate key (email)=(ann.Qy7@example.com)");
    IllegalStateException failure = new IllegalStateException("could not store user-Qy7", cause);

    RedactedFailure r = RedactedFailure.of(failure);

    assertThat(r.getMessage()).isEqualTo("java.lang.IllegalStateException (message withheld from the log)");
    assertThat(r.getStackTrace()).isEqualTo(failure.getStackTrace());
    assertThat(r.getCause().getMessage()).startsWith("java.sql.SQLException");
    assertThat(r.getCause().getCause()).isNull();
  }

  @Test
  void theHandlerOfUnexpectedFailuresLogsNoMessage(CapturedOutput output) {
    var answer = new GlobalExceptionHandler().unexpected(new RuntimeException("email ann.Qy7@example.com",
        new IllegalArgumentException("user-Qy7")));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(output.getAll()).contains("unexpected failure", "java.lang.RuntimeException",
        "java.lang.IllegalArgumentException").doesNotContain("Qy7");
  }

  @Test
  void survivesACycleInTheCauses() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThat(RedactedFailure.of(a).getCause().getCause()).isNull();
  }
}
