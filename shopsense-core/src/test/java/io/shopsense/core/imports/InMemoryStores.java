package io.shopsense.core.imports;

import io.shopsense.api.Slice;
import io.shopsense.api.catalog.Catalog;
import io.shopsense.api.catalog.Product;
import io.shopsense.api.collect.AppendResult;
import io.shopsense.api.collect.ErasedEvents;
import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.collect.EventLog;
import io.shopsense.api.collect.NewQuarantineEntry;
import io.shopsense.api.collect.QualityCount;
import io.shopsense.api.collect.QualityCounters;
import io.shopsense.api.collect.Quarantine;
import io.shopsense.api.collect.QuarantineEntry;
import io.shopsense.api.collect.QuarantineQuery;
import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.api.collect.RejectedCount;
import io.shopsense.api.collect.StoredEvent;
import io.shopsense.api.id.AnonymousId;
import io.shopsense.api.id.MessageId;
import io.shopsense.api.id.ProductId;
import io.shopsense.api.id.UserId;
import io.shopsense.core.catalog.CatalogService;
import io.shopsense.core.collect.IngestListener;
import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.collect.Ingestor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * In-memory implementations of the store ports the import needs, for unit tests of the core (which has no store).
 * Minimal but faithful to the ports' contracts where the import relies on them: the log stores a message id once,
 * the quarantine keeps entries whole with ids in order, the catalog keeps a product's first {@code createdAt}. The
 * real stores are tested against their own contract suites; these are not production code.
 */
final class InMemoryStores {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final Log log = new Log();
  final InMemoryQuarantine quarantine = new InMemoryQuarantine();
  final Counters counters = new Counters();
  final InMemoryCatalog catalog = new InMemoryCatalog();
  final Ingestor ingestor = new Ingestor(log, quarantine, counters, IngestSettings.defaults(), IngestListener.NONE);
  final CatalogService catalogService = new CatalogService(catalog, CLOCK, IngestSettings.defaults().maxIdLength());
  final Importer importer = new Importer(ingestor, catalogService, CLOCK);

  /** A map-backed event log that really de-duplicates by message id. */
  static final class Log implements EventLog {
    private final Map<String, StoredEvent> byMessageId = new HashMap<>();
    private final List<StoredEvent> events = new ArrayList<>();

    @Override
    public synchronized List<AppendResult> append(List<EventEnvelope> envelopes) {
      List<AppendResult> results = new ArrayList<>(envelopes.size());
      for (EventEnvelope e : envelopes) {
        StoredEvent existing = byMessageId.get(e.messageId().value());
        if (existing != null) {
          results.add(AppendResult.duplicate(existing.seq()));
        } else {
          StoredEvent stored = new StoredEvent(events.size() + 1L, e);
          events.add(stored);
          byMessageId.put(e.messageId().value(), stored);
          results.add(AppendResult.stored(stored.seq()));
        }
      }
      return results;
    }

    @Override
    public synchronized Optional<StoredEvent> find(MessageId messageId) {
      return Optional.ofNullable(byMessageId.get(messageId.value()));
    }

    @Override
    public synchronized List<StoredEvent> readAfter(long afterSeq, int max) {
      return events.stream().filter(e -> e.seq() > afterSeq).limit(max).collect(Collectors.toList());
    }

    @Override
    public synchronized List<StoredEvent> readByIdentity(Collection<AnonymousId> anonymousIds,
        Collection<UserId> userIds, long afterSeq, int max) {
      return events.stream().filter(e -> e.seq() > afterSeq)
          .filter(e -> anonymousIds.contains(e.envelope().anonymousId()) || userIds.contains(e.envelope().userId()))
          .limit(max).collect(Collectors.toList());
    }

    @Override
    public synchronized ErasedEvents erase(Collection<AnonymousId> anonymousIds, Collection<UserId> userIds) {
      throw new UnsupportedOperationException("the import tests erase nothing");
    }

    @Override
    public synchronized ErasedEvents deleteBefore(Instant cutoff) {
      throw new UnsupportedOperationException("the import tests delete nothing");
    }

    @Override
    public synchronized long lastSeq() {
      return events.size();
    }

    @Override
    public synchronized long count() {
      return events.size();
    }

    @Override
    public boolean awaitAfter(long afterSeq, Duration timeout) {
      return lastSeq() > afterSeq;
    }

    @Override
    public void close() {}
  }

  static final class InMemoryQuarantine implements Quarantine {
    private final TreeMap<Long, QuarantineEntry> entries = new TreeMap<>();

    @Override
    public synchronized List<Long> eraseContaining(java.util.Collection<String> values) {
      List<Long> ids = new ArrayList<>();
      entries.values().removeIf(e -> {
        boolean hit = values.stream().anyMatch(v -> v != null && !v.isBlank()
            && e.raw().toLowerCase(java.util.Locale.ROOT).contains(v.toLowerCase(java.util.Locale.ROOT)));
        if (hit) {
          ids.add(e.id());
        }
        return hit;
      });
      return ids;
    }

    @Override
    public synchronized List<Long> add(List<NewQuarantineEntry> added) {
      List<Long> ids = new ArrayList<>(added.size());
      for (NewQuarantineEntry n : added) {
        long id = entries.size() + 1L;
        entries.put(id, new QuarantineEntry(id, n.source(), n.receivedAt(), n.reason(), n.detail(), n.raw(),
            n.origin(), QuarantineStatus.PENDING, 0, n.receivedAt(), null, ""));
        ids.add(id);
      }
      return ids;
    }

    @Override
    public synchronized Optional<QuarantineEntry> find(long id) {
      return Optional.ofNullable(entries.get(id));
    }

    synchronized List<QuarantineEntry> all() {
      return List.copyOf(entries.values());
    }

    @Override
    public synchronized Slice<QuarantineEntry> list(QuarantineQuery q) {
      List<QuarantineEntry> found = entries.tailMap(q.afterId(), false).values().stream()
          .filter(e -> q.status() == null || e.status() == q.status())
          .filter(e -> q.reason() == null || e.reason().equals(q.reason()))
          .filter(e -> q.source() == null || e.source().equals(q.source()))
          .limit(q.limit() + 1L).collect(Collectors.toList());
      boolean more = found.size() > q.limit();
      List<QuarantineEntry> page = more ? found.subList(0, q.limit()) : found;
      return new Slice<>(page, more ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    @Override
    public synchronized void revise(long id, String raw, Instant at) {
      QuarantineEntry e = entries.get(id);
      entries.put(id, new QuarantineEntry(id, e.source(), e.receivedAt(), e.reason(), e.detail(), raw, e.origin(),
          e.status(), e.attempts(), at, e.resultSeq(), e.note()));
    }

    @Override
    public synchronized void markReplayed(long id, long seq, Instant at) {
      QuarantineEntry e = entries.get(id);
      entries.put(id, new QuarantineEntry(id, e.source(), e.receivedAt(), e.reason(), e.detail(), e.raw(),
          e.origin(), QuarantineStatus.REPLAYED, e.attempts(), at, seq, e.note()));
    }

    @Override
    public synchronized void markFailed(long id, String reason, String detail, Instant at) {
      QuarantineEntry e = entries.get(id);
      entries.put(id, new QuarantineEntry(id, e.source(), e.receivedAt(), reason, detail, e.raw(), e.origin(),
          e.status(), e.attempts() + 1, at, e.resultSeq(), e.note()));
    }

    @Override
    public synchronized void discard(long id, String note, Instant at) {
      QuarantineEntry e = entries.get(id);
      entries.put(id, new QuarantineEntry(id, e.source(), e.receivedAt(), e.reason(), e.detail(), e.raw(),
          e.origin(), QuarantineStatus.DISCARDED, e.attempts(), at, e.resultSeq(), note));
    }

    @Override
    public synchronized List<RejectedCount> countRejected(LocalDate from, LocalDate to) {
      Map<List<Object>, Long> counts = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
      for (QuarantineEntry e : entries.values()) {
        LocalDate day = LocalDate.ofInstant(e.receivedAt(), ZoneOffset.UTC);
        if (!day.isBefore(from) && !day.isAfter(to)) {
          counts.merge(List.of(day, e.source(), e.reason()), 1L, Long::sum);
        }
      }
      return counts.entrySet().stream().map(c -> new RejectedCount((LocalDate) c.getKey().get(0),
          (io.shopsense.api.id.SourceId) c.getKey().get(1), (String) c.getKey().get(2), c.getValue()))
          .collect(Collectors.toList());
    }

    @Override
    public synchronized Map<QuarantineStatus, Long> countByStatus() {
      Map<QuarantineStatus, Long> counts = new EnumMap<>(QuarantineStatus.class);
      entries.values().forEach(e -> counts.merge(e.status(), 1L, Long::sum));
      return counts;
    }
  }

  static final class Counters implements QualityCounters {
    private final List<QualityCount> counts = new ArrayList<>();

    @Override
    public synchronized void add(List<QualityCount> added) {
      counts.addAll(added);
    }

    @Override
    public synchronized List<QualityCount> between(LocalDate from, LocalDate to) {
      Map<List<Object>, Long> totals = new HashMap<>();
      for (QualityCount c : counts) {
        if (!c.day().isBefore(from) && !c.day().isAfter(to)) {
          totals.merge(List.of(c.day(), c.source(), c.metric()), c.count(), Long::sum);
        }
      }
      return totals.entrySet().stream().map(t -> new QualityCount((LocalDate) t.getKey().get(0),
          (io.shopsense.api.id.SourceId) t.getKey().get(1), (io.shopsense.api.collect.QualityMetric) t.getKey()
          .get(2), t.getValue())).collect(Collectors.toList());
    }
  }

  static final class InMemoryCatalog implements Catalog {
    private final TreeMap<String, Product> products = new TreeMap<>();

    @Override
    public synchronized void upsert(List<Product> upserted) {
      for (Product p : upserted) {
        Product old = products.get(p.id().value());
        Product keep = old == null ? p : new Product(p.id(), p.name(), p.categoryPath(), p.brand(), p.price(),
            p.cost(), p.currency(), p.stock(), p.attributes(), old.createdAt(), p.updatedAt(), p.active());
        products.put(p.id().value(), keep);
      }
    }

    @Override
    public synchronized Optional<Product> find(ProductId id) {
      return Optional.ofNullable(products.get(id.value()));
    }

    @Override
    public synchronized Map<ProductId, Product> findAll(Collection<ProductId> ids) {
      Map<ProductId, Product> found = new HashMap<>();
      ids.forEach(id -> find(id).ifPresent(p -> found.put(id, p)));
      return found;
    }

    @Override
    public synchronized Slice<Product> list(String after, int limit) {
      List<Product> page = (after == null ? products : products.tailMap(after, false)).values().stream()
          .limit(limit).collect(Collectors.toList());
      return new Slice<>(page, page.size() == limit ? page.get(page.size() - 1).id().value() : null);
    }

    @Override
    public synchronized long count() {
      return products.size();
    }
  }
}
