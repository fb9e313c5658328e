package io.shopsense.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.audit.AuditHead;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditAnchorTest {
  private static final String H1 = "a".repeat(64);
  private static final String H2 = "b".repeat(64);

  @TempDir
  Path dir;

  @Test
  void holdsNothingUntilAdvancedThenOnlyMovesForward() {
    AuditAnchor anchor = new AuditAnchor(dir.resolve("audit-head"));
    assertThat(anchor.read()).isEmpty();
    assertThat(anchor.heads()).isEmpty();

    anchor.advance(new AuditHead(7, H2));
    anchor.advance(new AuditHead(3, H1));

    assertThat(new AuditAnchor(dir.resolve("audit-head")).read()).contains(new AuditHead(7, H2));
  }

  @Test
  void anotherProcessesAnchorFurtherAlongIsKept() throws Exception {
    Files.writeString(dir.resolve("audit-head"), "9 " + H1 + "\n");
    AuditAnchor anchor = new AuditAnchor(dir.resolve("audit-head"));

    anchor.advance(new AuditHead(8, H2));

    assertThat(anchor.read()).contains(new AuditHead(9, H1));
  }

  @Test
  void refusesAnEditedFile() throws Exception {
    Files.writeString(dir.resolve("audit-head"), "nine " + H1);

    assertThatThrownBy(() -> new AuditAnchor(dir.resolve("audit-head")).read())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not 'seq hash'");
  }
}
