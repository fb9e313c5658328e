package io.shopsense.core.identity;

import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.id.UserId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.api.identity.IdentityGraph;
import io.shopsense.api.identity.IdentityLink;
import io.shopsense.api.identity.TraitStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of identity: find a person by any of their identifiers or by an old (merged-away) person id, and
 * read their events — including those sent before a merge, under identifiers that belonged to another person then.
 */
public final class PersonDirectory implements PersonResolver {
  private final IdentityGraph graph;
  private final TraitStore traits;
  private final EventLog log;

  public PersonDirectory(IdentityGraph graph, TraitStore traits, EventLog log) {
    this.graph = graph;
    this.traits = traits;
    this.log = log;
  }

  /**
   * The person who owns {@code identifier} now (following merges), without reading their traits or history: for hot
   * paths such as serving recommendations. Empty when nobody owns it.
   */
  @Override
  public Optional<PersonId> owner(Identifier identifier) {
    return graph.personOf(identifier).map(graph::resolve);
  }

  /**
   * The live person of {@code asked} (a merged-away id leads to the survivor), without reading their traits; empty
   * when no such person exists (never seen, or erased).
   */
  @Override
  public Optional<PersonId> live(PersonId asked) {
    PersonId id = graph.resolve(asked);
    return graph.links(id).isEmpty() ? Optional.empty() : Optional.of(id);
  }

  public Optional<PersonView> find(Identifier identifier) {
    return graph.personOf(identifier).flatMap(this::find);
  }

  public Optional<PersonView> find(PersonId asked) {
    PersonId id = graph.resolve(asked);
    List<IdentityLink> links = graph.links(id);
    if (links.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PersonView(id, id.equals(asked) ? null : asked, links, traits.get(id), graph.merges(id),
        graph.refusals(id)));
  }

  /**
   * The person's events after {@code afterSeq}, in log order, at most {@code max}: every event under one of their
   * anonymous or user ids, except events whose user id belongs to someone else (a shared device).
   */
  public List<StoredEvent> events(PersonId person, long afterSeq, int max) {
    PersonId id = graph.resolve(person);
    List<IdentityLink> links = graph.links(id);
    Set<AnonymousId> anonymous = new HashSet<>();
    Set<UserId> users = new HashSet<>();
    for (IdentityLink l : links) {
      if (l.identifier().kind() == IdentifierKind.ANONYMOUS_ID) {
        anonymous.add(AnonymousId.of(l.identifier().value()));
      } else if (l.identifier().kind() == IdentifierKind.USER_ID) {
        users.add(UserId.of(l.identifier().value()));
      }
    }
    if (anonymous.isEmpty() && users.isEmpty()) {
      return List.of();
    }
    List<StoredEvent> out = new ArrayList<>();
    long after = afterSeq;
    while (out.size() < max) {
      List<StoredEvent> page = log.readByIdentity(anonymous, users, after, max);
      if (page.isEmpty()) {
        break;
      }
      for (StoredEvent e : page) {
        UserId user = e.envelope().userId();
        if (user == null || users.contains(user) || !belongsToOther(user, id)) {
          out.add(e);
          if (out.size() == max) {
            break;
          }
        }
      }
      after = page.get(page.size() - 1).seq();
    }
    return out;
  }

  private boolean belongsToOther(UserId user, PersonId person) {
    return graph.personOf(Identifier.of(user)).map(owner -> !owner.equals(person)).orElse(false);
  }
}
