package io.shopsense.api.offer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The message templates a send step or a broadcast names by id. Templates are validated by core before they are
 * saved; the store keeps the latest version of each id and when it was saved.
 *
 * <p>Contract: thread-safe; every call durable when it returns. {@link #save} replaces a template of the same id.
 */
public interface TemplateStore {
  /** Saves (or replaces) the template. */
  void save(MessageTemplate template, Instant at);

  Optional<MessageTemplate> find(String templateId);

  /** Every template, by id. */
  List<MessageTemplate> list();

  /** Deletes the template; false when there was none. */
  boolean delete(String templateId);
}
