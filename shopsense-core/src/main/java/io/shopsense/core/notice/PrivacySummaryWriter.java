package io.shopsense.core.notice;

import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.notice.PrivacySummary.Faq;
import io.shopsense.core.notice.PrivacySummary.PurposeLine;
import io.shopsense.core.notice.PrivacySummary.RecipientLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the plain-language privacy summary from the {@link NoticeSettings}, in English or Chinese. Every sentence
 * that depends on the shop's setup is computed from it: change the purposes, the retention, the deadline or the
 * recipients and the summary changes with them.
 */
public final class PrivacySummaryWriter {
  /** The languages the summary is written in. */
  public enum Language {
    EN, ZH;

    /** {@code zh...} is Chinese, anything else English. */
    public static Language of(String tag) {
      return tag != null && tag.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }
  }

  private static final Map<Purpose, String> ZH_PURPOSES = new EnumMap<>(Map.of(
      Purpose.ANALYTICS, "衡量商店的使用情况，以改进商店",
      Purpose.PERSONALISATION, "为您挑选合适的商品和内容",
      Purpose.MARKETING_EMAIL, "通过电子邮件向您发送优惠",
      Purpose.MARKETING_SMS, "通过短信向您发送优惠",
      Purpose.MARKETING_PUSH, "以推送通知向您发送优惠",
      Purpose.MARKETING_IN_APP, "在商店站内信中向您展示优惠",
      Purpose.THIRD_PARTY_SHARING, "与合作伙伴共享您的数据"));

  private final NoticeSettings s;

  public PrivacySummaryWriter(NoticeSettings settings) {
    this.s = settings;
  }

  public PrivacySummary write(Language lang) {
    boolean zh = lang == Language.ZH;
    List<PurposeLine> purposes = new ArrayList<>();
    for (Purpose p : Purpose.values()) {
      String basis = s.strictlyNecessary().get(p);
      purposes.add(new PurposeLine(p.wireName(), describe(p, zh), basis == null,
          basis == null ? (zh ? "您的同意" : "your consent") : basis));
    }
    List<RecipientLine> recipients = s.recipients().stream().map(r -> new RecipientLine(r.name(),
        r.processor() ? (zh ? "受托处理者（仅按我们的指示处理）" : "processor (acts only on our instructions)")
            : (zh ? "第三方" : "third party"),
        r.purposes().stream().sorted().map(p -> describe(p, zh)).toList(), r.country())).toList();
    String retention = retention(zh);
    String title = zh ? s.controllerName() + " 隐私摘要" : "Privacy summary of " + s.controllerName();
    return new PrivacySummary(zh ? "zh" : "en", title, s.controllerName(), s.controllerContact(), purposes,
        retention, recipients, faq(zh, purposes, recipients, retention));
  }

  private static String describe(Purpose p, boolean zh) {
    return zh ? ZH_PURPOSES.get(p) : p.plainDescription();
  }

  private String retention(boolean zh) {
    Duration r = s.rawEventRetention();
    if (r == null) {
      return zh ? "我们保留您在商店中的行为记录，直到您要求删除为止。"
          : "We keep the record of what you do in the shop until you ask us to delete it.";
    }
    return zh ? "我们保留您在商店中的行为记录 " + span(r, true) + "，之后自动删除或仅保留不含个人身份的汇总。"
        : "We keep the record of what you do in the shop for " + span(r, false)
            + "; after that it is deleted automatically or kept only as totals that do not identify you.";
  }

  private List<Faq> faq(boolean zh, List<PurposeLine> purposes, List<RecipientLine> recipients, String retention) {
    List<Faq> faq = new ArrayList<>();
    String necessary = purposes.stream().filter(p -> !p.needsConsent())
        .map(p -> p.description() + " (" + p.basis() + ")").collect(Collectors.joining("; "));
    String consented = purposes.stream().filter(PurposeLine::needsConsent).map(PurposeLine::description)
        .collect(Collectors.joining("; "));
    if (zh) {
      faq.add(new Faq("你们用我的数据做什么？", (necessary.isEmpty() ? "" : "为提供服务所必需：" + necessary + "。")
          + "仅在您同意后：" + consented + "。未经您同意，以上任何一项都不会默认开启。"));
    } else {
      faq.add(new Faq("What do you use my data for?", (necessary.isEmpty() ? ""
          : "Because we need it to serve you: " + necessary + ". ") + "Only if you agree: " + consented
          + ". Nothing that needs your agreement is switched on until you give it."));
    }
    faq.add(whoGetsIt(zh, recipients));
    faq.add(new Faq(zh ? "你们保留我的数据多久？" : "How long do you keep it?", retention));
    String contact = s.controllerContact();
    faq.add(zh ? new Faq("我如何撤回同意？", "您可以随时在商店的隐私设置中或联系 " + contact
        + " 撤回任何一项同意；撤回几秒钟内生效，之后不再为该用途使用您的数据。")
        : new Faq("How do I withdraw consent?", "At any time, for each purpose on its own, in the shop's privacy "
            + "settings or by writing to " + contact + ". It takes effect within seconds: from then on your data is "
            + "not used for that purpose."));
    String deadline = span(s.requestDeadline(), zh);
    faq.add(zh ? new Faq("我如何查看或删除我的数据？", "联系 " + contact + "，要求获取我们持有的关于您的全部数据"
        + "（JSON 和 CSV 格式）、更正或删除。我们最迟在 " + deadline + " 内答复。删除会覆盖您的资料、行为记录、分组、"
        + "模型训练数据和所有副本。您也可以随时查看您的数据被用于什么。")
        : new Faq("How do I see or delete my data?", "Write to " + contact + " to get a copy of everything we hold "
            + "about you (as JSON and CSV), to correct it, or to have it deleted. We answer within " + deadline
            + " at the latest. Deletion reaches your profile, your activity history, your groups, the data our "
            + "models learn from and every copy. You can also see at any time what your data was used for."));
    return faq;
  }

  private static Faq whoGetsIt(boolean zh, List<RecipientLine> recipients) {
    if (recipients.isEmpty()) {
      return zh ? new Faq("谁会获得我的数据？", "只有我们。我们不向任何其他公司提供您的数据。")
          : new Faq("Who gets my data?", "Only us. We do not give your data to any other company.");
    }
    String list = recipients.stream().map(r -> r.name() + " — " + r.role() + (r.purposes().isEmpty() ? ""
        : ", " + (zh ? "用于" : "for ") + String.join(zh ? "、" : ", ", r.purposes()))
        + (r.country() == null ? "" : " (" + r.country() + ")")).collect(Collectors.joining("; "));
    return zh ? new Faq("谁会获得我的数据？", "除我们之外：" + list + "。第三方仅在您同意共享后获得数据。")
        : new Faq("Who gets my data?", "Besides us: " + list + ". Third parties get data only if you agreed "
            + "to sharing.");
  }

  /** A duration in words: whole years, days or hours. */
  static String span(Duration d, boolean zh) {
    long days = d.toDays();
    if (days > 0 && days % 365 == 0) {
      long y = days / 365;
      return zh ? y + " 年" : y + (y == 1 ? " year" : " years");
    }
    if (days > 0 && d.toHours() % 24 == 0) {
      return zh ? days + " 天" : days + (days == 1 ? " day" : " days");
    }
    long hours = Math.max(1, d.toHours());
    return zh ? hours + " 小时" : hours + (hours == 1 ? " hour" : " hours");
  }
}
