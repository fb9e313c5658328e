package io.shopsense.platform.delivery;

import io.shopsense.api.delivery.DeliveryChannel;
import io.shopsense.api.campaign.Channel;
import io.shopsense.api.delivery.DeliveryResult;
import io.shopsense.api.delivery.OutboundMessage;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Email over SMTP with Jakarta Mail. Each message is {@code multipart/alternative} (text and HTML) when it has HTML,
 * plain text otherwise; its Message-ID is {@code <idempotency key@domain>}, the same for every delivery of one key,
 * so that a resend after a crash is recognisable as the same message; it carries {@code List-Unsubscribe} (and the
 * one-click {@code List-Unsubscribe-Post} of RFC 8058 for an https link) when it has an unsubscribe link.
 *
 * <p>Outcomes: a malformed address or a 5xx reply is permanent; a 4xx reply, a connection or I/O failure, or a
 * failed login (a configuration the operator can fix) is retryable. One connection per message; thread-safe.
 */
public final class SmtpEmailChannel implements DeliveryChannel {
  /** The header that repeats the idempotency key for providers that de-duplicate on their own header. */
  public static final String KEY_HEADER = "X-ShopSense-Key";

  private final SmtpSettings settings;
  private final Session session;
  private final InternetAddress from;

  public SmtpEmailChannel(SmtpSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
    p.setProperty("mail.smtp.auth", Boolean.toString(!settings.username().isEmpty()));
    if (settings.startTls()) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    // report every bad recipient, and still send to the good ones of a message (there is one recipient per message)
    p.setProperty("mail.smtp.reportsuccess", "false");
    p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    this.session = Session.getInstance(p);
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("the email sender '" + settings.from() + "' is not an address: "
          + e.getMessage(), e);
    }
  }

  @Override
  public Channel kind() {
    return Channel.EMAIL;
  }

  @Override
  public boolean idempotent() {
    return true;
  }

  /** The Message-ID every delivery of the message carries. */
  public String messageId(OutboundMessage m) {
    return "<" + m.key().idempotencyKey() + "@" + settings.messageIdDomain() + ">";
  }

  @Override
  public DeliveryResult deliver(OutboundMessage m) {
    InternetAddress to;
    try {
      to = new InternetAddress(m.recipient(), true);
    } catch (AddressException e) {
      return DeliveryResult.permanent("not an email address: '" + m.recipient() + "' (" + e.getMessage() + ")");
    }
    String messageId = messageId(m);
    try {
      MimeMessage mail = compose(m, to, messageId);
      if (settings.username().isEmpty()) {
        Transport.send(mail);
      } else {
        Transport.send(mail, settings.username(), settings.password());
      }
      return DeliveryResult.sent(messageId);
    } catch (AuthenticationFailedException e) {
      return DeliveryResult.retry("SMTP login refused at " + settings.host() + ": " + e.getMessage());
    } catch (MessagingException e) {
      return classify(e);
    }
  }

  private MimeMessage compose(OutboundMessage m, InternetAddress to, String messageId) throws MessagingException {
    MimeMessage mail = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId); // the key's id, not a fresh random one
      }
    };
    mail.setFrom(from);
    mail.setRecipient(Message.RecipientType.TO, to);
    mail.setSubject(m.subject(), StandardCharsets.UTF_8.name());
    mail.setSentDate(null);
    mail.setHeader(KEY_HEADER, m.key().idempotencyKey());
    if (m.hasUnsubscribeUrl()) {
      mail.setHeader("List-Unsubscribe", "<" + m.unsubscribeUrl() + ">");
      if (m.unsubscribeUrl().startsWith("https://")) {
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
    }
    if (m.hasHtml()) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
      mail.setContent(new MimeMultipart("alternative", text, html));
    } else {
      mail.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
    }
    mail.saveChanges();
    return mail;
  }

  /** 5xx: permanent; 4xx and everything without a reply code (connection, I/O): retryable. */
  private static DeliveryResult classify(MessagingException e) {
    int code = replyCode(e);
    String what = code > 0 ? "SMTP " + code + ": " + firstLine(e) : "SMTP failure: " + describe(e);
    if (code >= 500) {
      return DeliveryResult.permanent(what);
    }
    if (code == 0 && e instanceof SendFailedException sfe && invalid(sfe)) {
      return DeliveryResult.permanent("recipient refused: " + describe(e));
    }
    return DeliveryResult.retry(what);
  }

  private static int replyCode(Exception e) {
    for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
      if (x instanceof SMTPAddressFailedException a) {
        return a.getReturnCode();
      }
      if (x instanceof SMTPSenderFailedException s) {
        return s.getReturnCode();
      }
      if (x instanceof SMTPSendFailedException s) {
        return s.getReturnCode();
      }
    }
    return 0;
  }

  private static boolean invalid(SendFailedException e) {
    Address[] bad = e.getInvalidAddresses();
    return bad != null && bad.length > 0;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return firstLine(e) + (root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
  }
}
