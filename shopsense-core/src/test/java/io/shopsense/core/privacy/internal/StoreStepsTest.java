package io.shopsense.core.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.shopsense.api.event.Properties;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.UserId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.privacy.ReportLine;
import io.shopsense.api.privacy.ReportLine.Outcome;
import io.shopsense.core.privacy.DataSubject;
import io.shopsense.core.privacy.EventEraser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreStepsTest {
  private static final PersonId P = PersonId.of("p-1");
  private static final DataSubject ANN = new DataSubject(P, List.of(P), List.of(
      new Identifier(IdentifierKind.ANONYMOUS_ID, "a-1"), new Identifier(IdentifierKind.USER_ID, "u-1"),
      new Identifier(IdentifierKind.EMAIL, "ann@example.com")), Properties.EMPTY);

  @Test
  void theEventsStepHandsTheAnonymousAndUserIdsToTheEraserAndReportsEachPart() {
    List<Object> asked = new ArrayList<>();
    EventEraser eraser = (anonymous, users) -> {
      asked.add(anonymous);
      asked.add(users);
      return List.of(new EventEraser.Part("event log", 12, 4_096, 1), new EventEraser.Part("lake", 12, 90_000, 2));
    };

    List<ReportLine> lines = StoreSteps.events(eraser).erase(ANN);

    assertThat(asked).containsExactly(Set.of(AnonymousId.of("a-1")), Set.of(UserId.of("u-1")));
    assertThat(lines).containsExactly(
        new ReportLine("events", "event log", 12, Outcome.ERASED, "4096 bytes rewritten in 1 files"),
        new ReportLine("events", "lake", 12, Outcome.ERASED, "90000 bytes rewritten in 2 files"));
  }

  @Test
  void anErasureWithoutTheEventEraserIsRefusedWhenAssembled() {
    assertThatNullPointerException().isThrownBy(() -> StoreSteps.events(null)).withMessageContaining("event eraser");
  }

  @Test
  void aPersonWithoutAnonymousOrUserIdsHasNoEventsToErase() {
    DataSubject emailOnly = new DataSubject(P, List.of(P), List.of(new Identifier(IdentifierKind.EMAIL, "x@y.z")),
        Properties.EMPTY);

    List<ReportLine> lines = StoreSteps.events((a, u) -> {
      throw new AssertionError("not called");
    }).erase(emailOnly);

    assertThat(lines).singleElement().extracting(ReportLine::count).isEqualTo(0L);
  }

  @Test
  void derivedFilesAreDeletedAndCounted(@TempDir Path dir) throws Exception {
    Path snapshot = Files.writeString(dir.resolve("links.parquet"), "x");

    List<ReportLine> first = StoreSteps.derivedFiles("snap", "snapshot", () -> List.of(snapshot)).erase(ANN);
    List<ReportLine> again = StoreSteps.derivedFiles("snap", "snapshot", () -> List.of(snapshot)).erase(ANN);

    assertThat(Files.exists(snapshot)).isFalse();
    assertThat(first.get(0).count()).isEqualTo(1);
    assertThat(again.get(0).count()).isZero();
  }
}
