package io.shopsense.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.server.ServerTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Imports through the API (a streamed body, or multipart files) and SQL over the lake they fill. */
class ImportAndLakeApiTest extends ServerTestBase {

  static final String RETAIL = """
      InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
      536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
      536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
      536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom
      C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527,United Kingdom
      536380,22139,damaged,-12,2010-12-01 09:45:00,0,,United Kingdom
      536381,22139,RETROSPOT TEA SET,not-a-number,2010-12-01 09:45:00,4.95,14527,United Kingdom
      """;

  @Test
  void importsAStreamedFileWithExactReconciliationAndRejectsWhatCannotBeMapped() throws IOException {
    Answer a = post("/v1/imports?preset=online_retail&name=retail.csv.gz", adminKey, "application/octet-stream",
        gzip(RETAIL));

    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    JsonNode r = a.body();
    assertThat(r.get("rowsRead").asLong()).isEqualTo(6);
    assertThat(r.get("reconciles").asBoolean()).isTrue();
    assertThat(r.get("rowsAccepted").asLong() + r.get("rowsRejected").asLong()).isEqualTo(6);
    assertThat(r.get("rowsRejectedByReason").get("unmappable_row").asLong()).isEqualTo(2);
    assertThat(r.get("source").asText()).isEqualTo("import:online_retail");

    Answer again = post("/v1/imports?preset=online_retail&name=retail.csv.gz", adminKey, "application/octet-stream",
        gzip(RETAIL));
    assertThat(again.body().get("eventsAccepted").asLong()).isZero();
    assertThat(again.body().get("rowsDuplicate").asLong()).isEqualTo(r.get("rowsAccepted").asLong());
  }

  @Test
  void importsSeveralFilesSentAsMultipart() {
    String boundary = "b-123";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jsonl\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + "{\"type\":\"track\",\"event\":\"Product Viewed\",\"messageId\":\"mp-1\",\"anonymousId\":\"mp\","
        + "\"timestamp\":\"2025-01-02T10:00:00Z\",\"properties\":{\"product_id\":\"p\"}}\n"
        + "not json\n\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.jsonl\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + "{\"type\":\"identify\",\"messageId\":\"mp-2\",\"userId\":\"mp-user\",\"anonymousId\":\"mp\","
        + "\"timestamp\":\"2025-01-02T10:01:00Z\"}\n\r\n--" + boundary + "--\r\n";

    Answer a = post("/v1/imports?preset=jsonl", adminKey, "multipart/form-data; boundary=" + boundary,
        body.getBytes(StandardCharsets.UTF_8));

    assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
    assertThat(a.body().get("rowsRead").asLong()).isEqualTo(3);
    assertThat(a.body().get("rowsAccepted").asLong()).isEqualTo(2);
    assertThat(a.body().get("rowsRejectedByReason").get("malformed_json").asLong()).isEqualTo(1);
    assertThat(a.body().get("reconciles").asBoolean()).isTrue();
  }

  @Test
  void refusesAnUnknownPresetNamingTheKnownOnes() {
    Answer a = post("/v1/imports?preset=excel", adminKey, "application/octet-stream", new byte[] {1});

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("code").asText()).isEqualTo("unknown_preset");
    assertThat(a.body().get("detail").asText()).contains("online_retail", "olist", "jsonl", "csv");
    assertThat(get("/v1/imports/presets", readKey).body().findValuesAsText("id")).contains("online_retail", "olist");
    assertThat(post("/v1/imports?preset=jsonl", readKey, "application/octet-stream", new byte[] {1}).status())
        .isEqualTo(403);
  }

  @Test
  void answersSqlOverTheLakeAndRefusesAnythingButOneSelect() {
    post("/v1/batch", ingestKey, batch(json("{'type':'track','event':'Product Viewed','messageId':'lk-1',"
        + "'anonymousId':'lk','properties':{'product_id':'p-lk','price':4.5}}")));
    awaitPipeline();

    Answer ok = post("/v1/sql", adminKey, sql("select product_id, count(*) n from events "
        + "where message_id = 'lk-1' group by 1"));
    Answer copy = post("/v1/sql", adminKey, sql("copy (select 1) to '/tmp/out.csv'"));
    Answer file = post("/v1/sql", adminKey, sql("select * from read_csv('/etc/passwd')"));
    Answer reader = post("/v1/sql", readKey, sql("select 1"));

    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    assertThat(ok.body().get("columns").toString()).isEqualTo("[\"product_id\",\"n\"]");
    assertThat(ok.body().get("rows").get(0).get(0).asText()).isEqualTo("p-lk");
    assertThat(ok.body().get("rows").get(0).get(1).asLong()).isEqualTo(1);
    assertThat(copy.status()).isEqualTo(400);
    assertThat(copy.body().get("code").asText()).isEqualTo("invalid_query");
    assertThat(file.status()).isEqualTo(400);
    assertThat(reader.status()).isEqualTo(403);
  }

  private static String sql(String sql) {
    return JsonCodec.text(Map.of("sql", sql));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
