package io.shopsense.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.server.ServerTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity resolution, customer traits and the catalog, seen through the API. */
class PersonAndCatalogApiTest extends ServerTestBase {

  @Test
  void stitchesAnonymousBrowsingToTheCustomerWhoLogsInAndKeepsTheEarlierEvents() {
    post("/v1/batch", ingestKey, batch(
        json("{'type':'track','event':'Product Viewed','messageId':'p1-1','anonymousId':'anon-p1',"
            + "'properties':{'product_id':'p-1'}}"),
        json("{'type':'identify','messageId':'p1-2','anonymousId':'anon-p1','userId':'user-p1',"
            + "'traits':{'email':'Ann@Example.com','first_name':'Ann'}}"),
        json("{'type':'track','event':'Product Added','messageId':'p1-3','userId':'user-p1',"
            + "'properties':{'product_id':'p-1','quantity':2}}")));
    awaitPipeline();

    Answer byUser = get("/v1/persons?userId=user-p1", readKey);
    Answer byAnonymous = get("/v1/persons?anonymousId=anon-p1", readKey);
    Answer byEmail = get("/v1/persons?email=ann@example.com", readKey);

    assertThat(byUser.status()).isEqualTo(200);
    String person = byUser.body().get("id").asText();
    assertThat(byAnonymous.body().get("id").asText()).isEqualTo(person);
    assertThat(byEmail.body().get("id").asText()).isEqualTo(person);
    assertThat(byUser.body().get("traits").get("first_name").asText()).isEqualTo("Ann");
    Answer events = get("/v1/persons/" + person + "/events", readKey);
    List<String> ids = new ArrayList<>();
    events.body().get("items").forEach(e -> ids.add(e.get("event").get("messageId").asText()));
    assertThat(ids).containsExactly("p1-1", "p1-2", "p1-3");
  }

  @Test
  void mergesTwoKnownProfilesOnAnAliasAndKeepsTheMergeHistory() {
    post("/v1/batch", ingestKey, batch(
        json("{'type':'identify','messageId':'p2-1','anonymousId':'anon-p2a','userId':'old-p2'}"),
        json("{'type':'identify','messageId':'p2-2','anonymousId':'anon-p2b','userId':'new-p2'}"),
        json("{'type':'alias','messageId':'p2-3','previousId':'old-p2','userId':'new-p2'}")));
    awaitPipeline();

    JsonNode person = get("/v1/persons?userId=new-p2", readKey).body();
    JsonNode old = get("/v1/persons?userId=old-p2", readKey).body();

    assertThat(old.get("id").asText()).isEqualTo(person.get("id").asText());
    assertThat(person.get("merges")).hasSize(1);
    assertThat(person.get("merges").get(0).get("reason").asText()).isEqualTo("alias");
    List<String> identifiers = new ArrayList<>();
    person.get("identifiers").forEach(l -> identifiers.add(l.get("identifier").get("value").asText()));
    assertThat(identifiers).contains("anon-p2a", "anon-p2b", "old-p2", "new-p2");
  }

  @Test
  void refusesToMergeTwoCustomersWhoShareADeviceWithoutAnAlias() {
    post("/v1/batch", ingestKey, batch(
        json("{'type':'identify','messageId':'p3-1','anonymousId':'shared-tablet','userId':'alice-p3'}"),
        json("{'type':'identify','messageId':'p3-2','anonymousId':'shared-tablet','userId':'bob-p3'}")));
    awaitPipeline();

    JsonNode alice = get("/v1/persons?userId=alice-p3", readKey).body();
    JsonNode bob = get("/v1/persons?userId=bob-p3", readKey).body();

    assertThat(alice.get("id").asText()).isNotEqualTo(bob.get("id").asText());
    JsonNode refusals = alice.get("refusals").isEmpty() ? bob.get("refusals") : alice.get("refusals");
    assertThat(refusals.get(0).get("reason").asText()).isEqualTo("unique_identifier_conflict:user_id");
  }

  @Test
  void setsCustomerTraitsThroughTheLog() {
    Answer set = put("/v1/customers/user-p4/traits", adminKey, json("{'member_level':'gold','city':'Hangzhou'}"));
    awaitPipeline();

    assertThat(set.status()).isEqualTo(200);
    JsonNode person = get("/v1/persons?userId=user-p4", readKey).body();
    assertThat(person.get("traits").get("member_level").asText()).isEqualTo("gold");
  }

  @Test
  void answers404ForAnUnknownPerson() {
    Answer a = get("/v1/persons?userId=nobody-at-all", readKey);

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body().get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void upsertsProductsPartiallyAndKeepsTheFirstCreationTime() {
    Answer bulk = post("/v1/products", adminKey, json("[{'id':'c-1','name':'Tent','category':'Outdoor/Tents',"
        + "'brand':'Alpine','price':199.0,'cost':120,'stock':4,'created_at':'2026-01-02T00:00:00Z'},"
        + "{'id':'c-2','price':-1},{'name':'no id'}]"));
    Answer again = put("/v1/products/c-1", adminKey, json("{'name':'Tent 2p','category':['Outdoor','Tents'],"
        + "'price':179.0,'created_at':'2026-05-01T00:00:00Z'}"));
    Answer one = get("/v1/products/c-1", readKey);

    assertThat(bulk.body().get("stored").asInt()).isEqualTo(1);
    assertThat(bulk.body().get("rejected").asInt()).isEqualTo(2);
    assertThat(bulk.body().get("results").get(1).get("reason").asText()).isEqualTo("invalid_value");
    assertThat(bulk.body().get("results").get(2).get("reason").asText()).isEqualTo("missing_field");
    assertThat(again.status()).isEqualTo(200);
    assertThat(one.body().get("name").asText()).isEqualTo("Tent 2p");
    assertThat(one.body().get("category").toString()).isEqualTo("[\"Outdoor\",\"Tents\"]");
    assertThat(one.body().get("created_at").asText()).startsWith("2026-01-02");
    assertThat(get("/v1/products/none", readKey).status()).isEqualTo(404);
    assertThat(post("/v1/products", readKey, "[]").status()).isEqualTo(403);
  }
}
