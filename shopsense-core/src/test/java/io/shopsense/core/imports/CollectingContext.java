package io.shopsense.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.collect.IncomingEvent;
import io.shopsense.core.imports.internal.InputStreams;
import io.shopsense.core.json.JsonCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/** Runs a preset on in-memory files and keeps what it hands over, to test mappings at the event level. */
final class CollectingContext implements ImportContext {
  record ProductRecord(JsonNode json, String raw, String origin) {}

  private final Map<String, Supplier<InputStream>> files;
  final List<IncomingEvent> events = new ArrayList<>();
  final List<ProductRecord> products = new ArrayList<>();
  long rows;

  private CollectingContext(Map<String, Supplier<InputStream>> files) {
    this.files = files;
  }

  static CollectingContext run(String preset, Map<String, String> options, Map<String, byte[]> files) {
    Map<String, Supplier<InputStream>> inputs = inputs(files);
    ImportJob job = ImportJob.of(preset, inputs, options);
    CollectingContext context = new CollectingContext(inputs);
    try {
      job.preset().read(job, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return context;
  }

  static Map<String, Supplier<InputStream>> inputs(Map<String, byte[]> files) {
    Map<String, Supplier<InputStream>> inputs = new LinkedHashMap<>();
    files.forEach((name, bytes) -> inputs.put(name, () -> new ByteArrayInputStream(bytes)));
    return inputs;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(utf8(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JSON literal written with single quotes, as canonical compact text. */
  static String json(String singleQuoted) {
    return JsonCodec.text(JsonCodec.parse(singleQuoted.replace('\'', '"')));
  }

  @Override
  public InputStream open(String input) throws IOException {
    return InputStreams.decompressed(files.get(input).get());
  }

  @Override
  public void rowRead() {
    rows++;
  }

  @Override
  public void event(IncomingEvent event) {
    events.add(event);
  }

  @Override
  public void product(JsonNode product, String raw, String origin) {
    products.add(new ProductRecord(product, raw, origin));
  }

  Optional<IncomingEvent> byMessageId(String messageId) {
    return events.stream().filter(e -> e.node() != null && e.node().path("messageId").asText().equals(messageId))
        .findFirst();
  }

  IncomingEvent event(String messageId) {
    return byMessageId(messageId).orElseThrow(() -> new AssertionError("no event " + messageId + " among "
        + events.stream().map(e -> e.node() == null ? e.origin() : e.node().path("messageId").asText()).toList()));
  }

  /** The rows rejected on their own: origin to problem, in order. */
  Map<String, String> unmappable() {
    return events.stream().filter(e -> e.node() == null).collect(Collectors.toMap(IncomingEvent::origin,
        e -> e.parseProblem().replaceFirst("^unmappable:", ""), (a, b) -> a + " | " + b, LinkedHashMap::new));
  }

  long rowsInEvents() {
    return events.stream().mapToLong(IncomingEvent::rows).sum();
  }

  List<IncomingEvent> ofType(String type, String event) {
    return events.stream().filter(e -> e.node() != null && e.node().path("type").asText().equals(type)
        && (event == null || e.node().path("event").asText().equals(event))).collect(Collectors.toList());
  }

  static String text(IncomingEvent e) {
    return JsonCodec.text(e.node());
  }
}
