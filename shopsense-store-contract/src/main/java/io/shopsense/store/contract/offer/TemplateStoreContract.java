package io.shopsense.store.contract.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.api.offer.TemplateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TemplateStore}. {@link #open()} gives the port over empty storage for this test;
 * {@link #close()} closes it. Decided here, where the port leaves it open: {@link TemplateStore#list} orders by Java's
 * {@code String} order of the ids, whatever the database's collation; text of any length and script reads back as
 * saved; concurrent first saves of one id all succeed, the last one standing.
 */
public abstract class TemplateStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  protected TemplateStore store;

  protected abstract TemplateStore open() throws Exception;

  protected abstract void close() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close();
  }

  protected static MessageTemplate template(String id, String subject) {
    return new MessageTemplate(id, ContentCategory.PROMOTIONAL, TemplateLocale.EN, subject,
        "<p>Hello {{firstName}}</p>", "Hello {{firstName}}");
  }

  @Test
  void savesATemplateAndFindsItWhole() {
    MessageTemplate t = new MessageTemplate("order-confirmation", ContentCategory.TRANSACTIONAL, TemplateLocale.EN,
        "Your order {{orderId}}", "<h1>Thanks</h1>", "Thanks");
    store.save(t, T0);

    assertThat(store.find("order-confirmation")).contains(t);
  }

  @Test
  void findsNothingForAnUnknownId() {
    store.save(template("welcome", "Welcome"), T0);

    assertThat(store.find("absent")).isEmpty();
    assertThat(store.find("Welcome")).as("ids are case-sensitive").isEmpty();
  }

  @Test
  void saveReplacesTheTemplateOfTheSameId() {
    store.save(template("welcome", "Welcome"), T0);
    MessageTemplate second = new MessageTemplate("welcome", ContentCategory.SERVICE, TemplateLocale.ZH, "欢迎",
        "", "欢迎光临");
    store.save(second, T0.plusSeconds(60));

    assertThat(store.find("welcome")).contains(second);
    assertThat(store.list()).containsExactly(second);
  }

  @Test
  void savingTheSameTemplateAgainChangesNothing() {
    MessageTemplate t = template("welcome", "Welcome");
    store.save(t, T0);
    store.save(t, T0);

    assertThat(store.list()).containsExactly(t);
  }

  @Test
  void listsEveryTemplateById() {
    assertThat(store.list()).isEmpty();
    for (String id : List.of("winback", "abandoned-cart", "Zeta", "order_shipped", "order-confirmation", "b2")) {
      store.save(template(id, "Subject " + id), T0);
    }

    assertThat(store.list()).extracting(MessageTemplate::id)
        .containsExactly("Zeta", "abandoned-cart", "b2", "order-confirmation", "order_shipped", "winback");
  }

  @Test
  void deletesATemplateAndSaysWhenThereWasNone() {
    store.save(template("welcome", "Welcome"), T0);
    store.save(template("winback", "Come back"), T0);

    assertThat(store.delete("welcome")).isTrue();
    assertThat(store.delete("welcome")).isFalse();
    assertThat(store.delete("absent")).isFalse();

    assertThat(store.find("welcome")).isEmpty();
    assertThat(store.list()).extracting(MessageTemplate::id).containsExactly("winback");
  }

  @Test
  void keepsChineseTextAndLongHtmlExactly() {
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < 4_000; i++) {
      html.append("<p class=\"row-").append(i).append("\">双十一大促 {{product.name}} ¥").append(i)
          .append(" — “限时” 🎁 &amp; 'quoted'</p>\n");
    }
    html.append("</body></html>");
    assertThat(html.length()).isGreaterThan(200_000);
    MessageTemplate t = new MessageTemplate("双十一-promo", ContentCategory.PROMOTIONAL, TemplateLocale.ZH,
        "{{firstName}}，您的专属优惠券已到账 🎉", html.toString(), "亲爱的 {{firstName}}：\n\t感谢您的支持！\r\n");
    store.save(t, T0);

    MessageTemplate read = store.find("双十一-promo").orElseThrow();
    assertThat(read.html()).isEqualTo(html.toString());
    assertThat(read).isEqualTo(t);
    assertThat(store.list()).containsExactly(t);
  }

  @Test
  void keepsAnEmptyBodyEmpty() {
    MessageTemplate textOnly = new MessageTemplate("sms", ContentCategory.SERVICE, TemplateLocale.EN, "Delivery",
        null, "Your parcel is on its way");
    store.save(textOnly, T0);

    assertThat(store.find("sms").orElseThrow().html()).isEmpty();
  }

  @Test
  void concurrentFirstSavesOfOneIdAllSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        String id = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> saves = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
          MessageTemplate t = template(id, "Subject " + writer);
          saves.add(pool.submit(() -> {
            start.await();
            store.save(t, T0);
            return null;
          }));
        }
        start.countDown();
        for (Future<?> save : saves) {
          save.get(); // a save lost to a unique violation would throw here
        }
        assertThat(store.find(id).orElseThrow().subject()).startsWith("Subject ");
      }
      assertThat(store.list()).hasSize(10);
    } finally {
      pool.shutdownNow();
    }
  }
}
