package io.shopsense.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.identity.IdentityConflictException;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.IdentityGraph.SequencedMerge;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.MergeRecord;
import io.shopsense.api.identity.RefusedMerge;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link IdentityGraph}. {@link #open()} gives the port over the backend's storage for this test
 * (empty at the first call of a test, the same storage at later calls); {@link #close()} closes what it opened and
 * may be called twice; {@link #reopen()} is a restart.
 *
 * <p>Decided here, where the port leaves it open: an identifier moved by a merge keeps its {@code linkedAt} (when it
 * was first seen); linking to or merging into a merged-away person is an {@link IllegalStateException}, as is merging
 * a person that was merged into someone else; merging a person into itself or an unknown person is an
 * {@link IllegalArgumentException}; a merge replayed after later merges of the chain changes nothing and returns
 * the recorded merge; "oldest first" for merges and refusals is the order they were recorded (log order), not their
 * {@code at}, and {@link IdentityGraph#mergesAfter} numbers merges in that order (a replay adds none); a refusal
 * recorded again with equal fields is stored once; {@code refusals(p)} lists those where {@code p} is the person or
 * the other person.
 */
public abstract class IdentityGraphContract {
  protected static final Instant T0 = Envelopes.T0;
  protected static final PersonId A = PersonId.of("person-a");
  protected static final PersonId B = PersonId.of("person-b");
  protected static final PersonId C = PersonId.of("person-c");

  protected IdentityGraph graph;

  protected abstract IdentityGraph open() throws Exception;

  protected abstract void close() throws Exception;

  protected IdentityGraph reopen() throws Exception {
    close();
    return open();
  }

  @BeforeEach
  void openGraph() throws Exception {
    graph = open();
  }

  @AfterEach
  void closeGraph() throws Exception {
    close();
  }

  protected static Identifier anon(String v) {
    return new Identifier(IdentifierKind.ANONYMOUS_ID, v);
  }

  protected static Identifier user(String v) {
    return new Identifier(IdentifierKind.USER_ID, v);
  }

  protected static Identifier email(String v) {
    return new Identifier(IdentifierKind.EMAIL, v);
  }

  protected static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void anEmptyGraphKnowsNobody() {
    assertThat(graph.personOf(anon("a1"))).isEmpty();
    assertThat(graph.personsOf(List.of(anon("a1"), user("u1")))).isEmpty();
    assertThat(graph.personsOf(List.of())).isEmpty();
    assertThat(graph.links(A)).isEmpty();
    assertThat(graph.merges(A)).isEmpty();
    assertThat(graph.refusals(A)).isEmpty();
    assertThat(graph.persons()).isZero();
    assertThat(graph.resolve(A)).isEqualTo(A);
  }

  @Test
  void linkingCreatesThePersonOnItsFirstIdentifier() {
    graph.link(A, anon("a1"), at(0));
    graph.link(A, user("u1"), at(5));

    assertThat(graph.persons()).isEqualTo(1);
    assertThat(graph.personOf(anon("a1"))).contains(A);
    assertThat(graph.links(A)).containsExactly(new IdentityLink(anon("a1"), A, at(0)),
        new IdentityLink(user("u1"), A, at(5)));
    assertThat(graph.resolve(A)).isEqualTo(A);
  }

  @Test
  void linkingAnIdentifierThePersonOwnsAlreadyChangesNothing() {
    graph.link(A, anon("a1"), at(0));

    graph.link(A, anon("a1"), at(60));

    assertThat(graph.links(A)).containsExactly(new IdentityLink(anon("a1"), A, at(0)));
    assertThat(graph.persons()).isEqualTo(1);
  }

  @Test
  void linkingAnIdentifierAnotherPersonOwnsIsAConflict() {
    graph.link(A, user("u1"), at(0));

    assertThatThrownBy(() -> graph.link(B, user("u1"), at(1)))
        .isInstanceOfSatisfying(IdentityConflictException.class, e -> assertThat(e.owner()).isEqualTo(A));
    assertThat(graph.personOf(user("u1"))).contains(A);
    // the refused first link did not create the person
    assertThat(graph.persons()).isEqualTo(1);
    assertThat(graph.links(B)).isEmpty();
  }

  @Test
  void listsLinksOldestFirstAndSameInstantLinksInTheOrderMade() {
    graph.link(A, email("x@example.com"), at(30));
    graph.link(A, anon("a1"), at(10));
    graph.link(A, anon("a2"), at(20));
    graph.link(A, user("u1"), at(20));

    assertThat(graph.links(A)).extracting(IdentityLink::identifier)
        .containsExactly(anon("a1"), anon("a2"), user("u1"), email("x@example.com"));
  }

  @Test
  void findsTheOwnersOfManyIdentifiersAtOnceTellingKindsApart() {
    graph.link(A, anon("same"), at(0));
    graph.link(B, user("same"), at(0));
    graph.link(B, email("b@example.com"), at(0));

    Map<Identifier, PersonId> owners = graph.personsOf(List.of(anon("same"), user("same"), email("b@example.com"),
        email("nobody@example.com"), anon("u-unknown")));

    assertThat(owners).containsExactlyInAnyOrderEntriesOf(Map.of(anon("same"), A, user("same"), B,
        email("b@example.com"), B));
  }

  @Test
  void aMergeMovesTheIdentifiersAndRecordsWhy() {
    graph.link(A, user("u1"), at(0));
    graph.link(B, anon("b1"), at(1));
    graph.link(B, anon("b2"), at(2));
    MessageId cause = MessageId.of("m-identify");

    MergeRecord merge = graph.merge(A, B, "identify", cause, at(10));

    assertThat(merge).isEqualTo(new MergeRecord(A, B, "identify", cause, at(10), List.of(anon("b1"), anon("b2"))));
    assertThat(graph.personOf(anon("b1"))).contains(A);
    assertThat(graph.links(A)).containsExactly(new IdentityLink(user("u1"), A, at(0)),
        new IdentityLink(anon("b1"), A, at(1)), new IdentityLink(anon("b2"), A, at(2)));
    assertThat(graph.links(B)).isEmpty();
    assertThat(graph.resolve(B)).isEqualTo(A);
    assertThat(graph.persons()).isEqualTo(1);
    assertThat(graph.merges(A)).containsExactly(merge);
  }

  @Test
  void mergingAgainChangesNothingAndReturnsTheRecordedMerge() {
    graph.link(A, user("u1"), at(0));
    graph.link(B, anon("b1"), at(1));
    MergeRecord first = graph.merge(A, B, "identify", MessageId.of("m1"), at(10));

    MergeRecord again = graph.merge(A, B, "identify", MessageId.of("m1"), at(10));

    assertThat(again).isEqualTo(first);
    assertThat(graph.merges(A)).containsExactly(first);
    assertThat(graph.links(A)).hasSize(2);
  }

  @Test
  void aChainOfMergesResolvesToTheLastSurvivor() {
    graph.link(A, anon("a1"), at(0));
    graph.link(B, anon("b1"), at(1));
    graph.link(C, user("c1"), at(2));

    MergeRecord aIntoB = graph.merge(B, A, "alias", MessageId.of("m1"), at(10));
    MergeRecord bIntoC = graph.merge(C, B, "identify", MessageId.of("m2"), at(5)); // an earlier event time

    assertThat(graph.resolve(A)).isEqualTo(C);
    assertThat(graph.resolve(B)).isEqualTo(C);
    assertThat(graph.resolve(C)).isEqualTo(C);
    assertThat(graph.merges(C)).containsExactly(aIntoB, bIntoC);
    assertThat(graph.merges(B)).containsExactly(aIntoB);
    assertThat(bIntoC.moved()).containsExactly(anon("a1"), anon("b1"));
    assertThat(graph.links(C)).extracting(IdentityLink::identifier).containsExactly(anon("a1"), anon("b1"),
        user("c1"));
    assertThat(graph.persons()).isEqualTo(1);
  }

  @Test
  void theBulkReadsAnswerAsTheSingleOnes() {
    PersonId d = PersonId.of("person-d");
    PersonId e = PersonId.of("person-e");
    PersonId unknown = PersonId.of("person-unknown");
    graph.link(A, anon("a1"), at(0));
    graph.link(B, anon("b1"), at(1));
    graph.link(B, email("b@example.com"), at(2));
    graph.link(C, user("c1"), at(3));
    graph.link(d, anon("d1"), at(4));
    graph.link(e, anon("e1"), at(5));
    graph.merge(B, A, "alias", MessageId.of("m1"), at(10));
    graph.merge(C, B, "identify", MessageId.of("m2"), at(11));
    graph.merge(C, e, "identify", MessageId.of("m3"), at(12));
    // more persons than one statement's list, in no particular order
    List<PersonId> many = new java.util.ArrayList<>();
    for (int i = 0; i < 250; i++) {
      PersonId p = PersonId.of("person-bulk-" + i);
      graph.link(p, anon("bulk-" + i), at(20));
      many.add(p);
    }
    List<PersonId> asked = new java.util.ArrayList<>(List.of(C, A, B, d, e, unknown));
    asked.addAll(many);

    Map<PersonId, PersonId> resolved = graph.resolveAll(asked);
    Map<PersonId, List<MergeRecord>> merges = graph.mergesInto(asked);
    Map<PersonId, List<IdentityLink>> links = graph.linksOf(asked);

    assertThat(resolved).containsOnlyKeys(asked);
    assertThat(merges).containsOnlyKeys(asked);
    assertThat(links).containsOnlyKeys(asked);
    for (PersonId p : asked) {
      assertThat(resolved.get(p)).as("resolve %s", p).isEqualTo(graph.resolve(p));
      assertThat(merges.get(p)).as("merges into %s", p).isEqualTo(graph.merges(p));
      assertThat(links.get(p)).as("links of %s", p).isEqualTo(graph.links(p));
    }
    assertThat(merges.get(C)).hasSize(3);
    assertThat(merges.get(B)).hasSize(1);
    assertThat(links.get(C)).hasSize(5);
    assertThat(resolved.get(unknown)).isEqualTo(unknown);
    assertThat(graph.resolveAll(List.of())).isEmpty();
    assertThat(graph.mergesInto(List.of())).isEmpty();
    assertThat(graph.linksOf(List.of())).isEmpty();
  }

  @Test
  void replayingAnEarlierMergeOfAChainChangesNothing() {
    graph.link(A, anon("a1"), at(0));
    graph.link(B, anon("b1"), at(1));
    graph.link(C, user("c1"), at(2));
    MergeRecord aIntoB = graph.merge(B, A, "alias", MessageId.of("m1"), at(10));
    graph.merge(C, B, "identify", MessageId.of("m2"), at(20));

    assertThat(graph.merge(B, A, "alias", MessageId.of("m1"), at(10))).isEqualTo(aIntoB);
    assertThat(graph.merges(C)).hasSize(2);
    assertThat(graph.resolve(A)).isEqualTo(C);
  }

  @Test
  void followersReadMergesAfterASequenceNumberInTheOrderRecorded() {
    assertThat(graph.mergesAfter(0, 10)).isEmpty();
    graph.link(A, anon("a1"), at(0));
    graph.link(B, anon("b1"), at(1));
    graph.link(C, user("c1"), at(2));
    MergeRecord aIntoB = graph.merge(B, A, "alias", MessageId.of("m1"), at(10));
    MergeRecord bIntoC = graph.merge(C, B, "identify", MessageId.of("m2"), at(5));
    graph.merge(B, A, "alias", MessageId.of("m1"), at(10)); // a replay records nothing

    List<SequencedMerge> all = graph.mergesAfter(0, 10);

    assertThat(all).extracting(SequencedMerge::merge).containsExactly(aIntoB, bIntoC);
    assertThat(all.get(0).seq()).isPositive();
    assertThat(all.get(1).seq()).isGreaterThan(all.get(0).seq());
    assertThat(graph.mergesAfter(0, 1)).containsExactly(all.get(0));
    assertThat(graph.mergesAfter(all.get(0).seq(), 10)).containsExactly(all.get(1));
    assertThat(graph.mergesAfter(all.get(1).seq(), 10)).isEmpty();
  }

  @Test
  void refusesMergesThatWouldBreakTheGraph() {
    graph.link(A, anon("a1"), at(0));
    graph.link(B, anon("b1"), at(1));
    graph.link(C, anon("c1"), at(2));
    graph.merge(A, B, "identify", MessageId.of("m1"), at(10));

    assertThatThrownBy(() -> graph.merge(A, A, "x", null, at(11))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> graph.merge(A, PersonId.of("ghost"), "x", null, at(11)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> graph.merge(C, B, "x", null, at(11))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> graph.merge(B, C, "x", null, at(11))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> graph.link(B, anon("b9"), at(11))).isInstanceOf(IllegalStateException.class);
    assertThat(graph.resolve(C)).isEqualTo(C);
    assertThat(graph.links(C)).hasSize(1);
    assertThat(graph.persons()).isEqualTo(2);
  }

  @Test
  void recordsARefusalOnceAndListsItForBothPersonsOldestFirst() {
    graph.link(A, user("u1"), at(0));
    graph.link(B, user("u2"), at(1));
    RefusedMerge conflict = new RefusedMerge(A, B, null, "unique_identifier_conflict:user_id", MessageId.of("m1"),
        at(20));
    RefusedMerge cap = new RefusedMerge(A, null, email("x@example.com"), "identity_cap", MessageId.of("m2"), at(10));

    graph.refuse(conflict);
    graph.refuse(cap);
    graph.refuse(conflict); // a replay

    assertThat(graph.refusals(A)).containsExactly(conflict, cap);
    assertThat(graph.refusals(B)).containsExactly(conflict);
    assertThat(graph.refusals(C)).isEmpty();
  }

  @Test
  void refusalsThatDifferInAnyFieldAreKeptApart() {
    RefusedMerge first = new RefusedMerge(A, null, email("x@example.com"), "identity_cap", null, at(0));
    RefusedMerge later = new RefusedMerge(A, null, email("x@example.com"), "identity_cap", null, at(1));
    RefusedMerge otherIdentifier = new RefusedMerge(A, null, email("y@example.com"), "identity_cap", null, at(0));

    graph.refuse(first);
    graph.refuse(later);
    graph.refuse(otherIdentifier);

    assertThat(graph.refusals(A)).containsExactly(first, later, otherIdentifier);
  }

  @Test
  void keepsTheGraphAcrossARestart() throws Exception {
    graph.link(A, anon("a1"), at(0));
    graph.link(B, anon("b1"), at(1));
    graph.link(C, user("c1"), at(2));
    graph.merge(B, A, "alias", MessageId.of("m1"), at(10));
    graph.merge(C, B, "identify", MessageId.of("m2"), at(20));
    RefusedMerge refusal = new RefusedMerge(C, null, user("c2"), "unique_identifier_conflict:user_id",
        MessageId.of("m3"), at(30));
    graph.refuse(refusal);
    List<MergeRecord> merges = graph.merges(C);
    List<IdentityLink> links = graph.links(C);

    graph = reopen();

    assertThat(graph.resolve(A)).isEqualTo(C);
    assertThat(graph.merges(C)).isEqualTo(merges);
    assertThat(graph.links(C)).isEqualTo(links);
    assertThat(graph.refusals(C)).containsExactly(refusal);
    assertThat(graph.persons()).isEqualTo(1);
    assertThatThrownBy(() -> graph.link(PersonId.of("new"), user("c1"), at(40)))
        .isInstanceOf(IdentityConflictException.class);
    graph.refuse(refusal);
    assertThat(graph.refusals(C)).hasSize(1);
    assertThat(graph.mergesAfter(0, 10)).extracting(SequencedMerge::merge).isEqualTo(merges);
  }

  @Test
  void erasesThePersonWithThePersonsMergedIntoItTheirMergesAndRefusals() throws Exception {
    graph.link(A, anon("a-1"), at(1));
    graph.link(A, email("anna@example.com"), at(2));
    graph.link(B, anon("b-1"), at(3));
    graph.merge(A, B, "identify", MessageId.of("m-1"), at(4));
    graph.link(C, user("u-c"), at(5));
    graph.refuse(new RefusedMerge(C, A, user("u-c"), "unique_kind", MessageId.of("m-2"), at(6)));
    graph.refuse(new RefusedMerge(C, null, anon("a-1"), "too_many", MessageId.of("m-3"), at(7)));

    var erased = graph.erase(A);

    assertThat(erased.persons()).containsExactlyInAnyOrder(A, B);
    assertThat(erased.identifiers()).isEqualTo(3);
    assertThat(erased.merges()).isEqualTo(1);
    assertThat(erased.refusals()).isEqualTo(2);
    graph = reopen();
    for (Identifier id : List.of(anon("a-1"), anon("b-1"), email("anna@example.com"))) {
      assertThat(graph.personOf(id)).isEmpty();
    }
    assertThat(graph.links(A)).isEmpty();
    assertThat(graph.merges(A)).isEmpty();
    assertThat(graph.resolve(B)).isEqualTo(B);
    assertThat(graph.refusals(C)).isEmpty();
    assertThat(graph.persons()).isEqualTo(1);
    // the other person is untouched
    assertThat(graph.personOf(user("u-c"))).contains(C);
  }

  @Test
  void erasingAgainOrAnUnknownPersonErasesNothing() {
    graph.link(A, anon("a-1"), at(1));
    graph.erase(A);

    var again = graph.erase(A);
    var unknown = graph.erase(C);

    assertThat(again.persons()).isEmpty();
    assertThat(again.identifiers() + again.merges() + again.refusals()).isZero();
    assertThat(unknown.persons()).isEmpty();
  }

  @Test
  void anErasedIdentifierCanBeLinkedAfreshToANewPerson() {
    graph.link(A, anon("a-1"), at(1));
    graph.erase(A);

    graph.link(C, anon("a-1"), at(2));

    assertThat(graph.personOf(anon("a-1"))).contains(C);
  }
}
