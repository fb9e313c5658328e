package io.shopsense.demo;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;

/**
 * Where the shop's customers live and what they are called: cities with their IANA time zone, locale and country,
 * weighted by the shop's currency (a euro shop sells mostly in Europe), the currency's minor units and shipping fee,
 * and small built-in name lists. All personal data is obviously fake: e-mail addresses at {@code example.com},
 * phone numbers in the fictional 555 range.
 */
final class Markets {

  record City(String country, String city, String region, String zone, ZoneRules rules, String locale,
      String dialCode) {}

  /**
   * A currency: digits after the point, US dollars to it, the shipping fee and the order value from which shipping is
   * free (both in minor units).
   */
  record Money(String code, int scale, double perDollar, long shippingFee, long freeShippingFrom) {
    /** An amount in minor units, in US dollars. */
    double dollars(long minor) {
      return minor / StrictMath.pow(10, scale) / perDollar;
    }

    long minor(double dollars) {
      return Math.round(dollars * perDollar * StrictMath.pow(10, scale));
    }

    /** A shop price near {@code dollars}: .99 endings, or round tens ending in 80 for currencies without cents. */
    long shopPrice(double dollars) {
      long raw = Math.max(1, minor(dollars));
      if (scale == 0) {
        return raw < 1_000 ? Math.max(10, (raw + 9) / 10 * 10) : (raw + 99) / 100 * 100 - 20;
      }
      long unit = (long) StrictMath.pow(10, scale);
      return raw < 5 * unit ? Math.max(unit / 2 - 1, (raw + unit / 2 - 1) / (unit / 2) * (unit / 2) - 1)
          : (raw + unit - 1) / unit * unit - 1;
    }
  }

  static final List<City> CITIES = List.of(
      city("US", "New York", "NY", "America/New_York", "en-US", "+1"),
      city("US", "Boston", "MA", "America/New_York", "en-US", "+1"),
      city("US", "Chicago", "IL", "America/Chicago", "en-US", "+1"),
      city("US", "Austin", "TX", "America/Chicago", "en-US", "+1"),
      city("US", "Denver", "CO", "America/Denver", "en-US", "+1"),
      city("US", "Los Angeles", "CA", "America/Los_Angeles", "en-US", "+1"),
      city("US", "Seattle", "WA", "America/Los_Angeles", "en-US", "+1"),
      city("CA", "Toronto", "ON", "America/Toronto", "en-CA", "+1"),
      city("CA", "Vancouver", "BC", "America/Vancouver", "en-CA", "+1"),
      city("GB", "London", "England", "Europe/London", "en-GB", "+44"),
      city("GB", "Manchester", "England", "Europe/London", "en-GB", "+44"),
      city("GB", "Edinburgh", "Scotland", "Europe/London", "en-GB", "+44"),
      city("DE", "Berlin", "Berlin", "Europe/Berlin", "de-DE", "+49"),
      city("DE", "Munich", "Bavaria", "Europe/Berlin", "de-DE", "+49"),
      city("DE", "Hamburg", "Hamburg", "Europe/Berlin", "de-DE", "+49"),
      city("FR", "Paris", "Ile-de-France", "Europe/Paris", "fr-FR", "+33"),
      city("FR", "Lyon", "Auvergne-Rhone-Alpes", "Europe/Paris", "fr-FR", "+33"),
      city("NL", "Amsterdam", "North Holland", "Europe/Amsterdam", "nl-NL", "+31"),
      city("ES", "Madrid", "Madrid", "Europe/Madrid", "es-ES", "+34"),
      city("ES", "Barcelona", "Catalonia", "Europe/Madrid", "es-ES", "+34"),
      city("IT", "Milan", "Lombardy", "Europe/Rome", "it-IT", "+39"),
      city("IT", "Rome", "Lazio", "Europe/Rome", "it-IT", "+39"),
      city("CN", "Shanghai", "Shanghai", "Asia/Shanghai", "zh-CN", "+86"),
      city("CN", "Beijing", "Beijing", "Asia/Shanghai", "zh-CN", "+86"),
      city("CN", "Shenzhen", "Guangdong", "Asia/Shanghai", "zh-CN", "+86"),
      city("CN", "Chengdu", "Sichuan", "Asia/Shanghai", "zh-CN", "+86"),
      city("JP", "Tokyo", "Tokyo", "Asia/Tokyo", "ja-JP", "+81"),
      city("JP", "Osaka", "Osaka", "Asia/Tokyo", "ja-JP", "+81"),
      city("AU", "Sydney", "NSW", "Australia/Sydney", "en-AU", "+61"),
      city("AU", "Perth", "WA", "Australia/Perth", "en-AU", "+61"),
      city("BR", "Sao Paulo", "SP", "America/Sao_Paulo", "pt-BR", "+55"),
      city("IN", "Bengaluru", "Karnataka", "Asia/Kolkata", "en-IN", "+91"),
      city("SG", "Singapore", "Singapore", "Asia/Singapore", "en-SG", "+65"));

  /** Share of customers per country, by the shop's currency; other currencies sell worldwide. */
  private static final Map<String, String> HOME_MARKETS = Map.of(
      "USD", "US:82|CA:8|GB:3|AU:2|DE:1|IN:2|BR:1|SG:1",
      "EUR", "DE:30|FR:22|ES:13|IT:14|NL:11|GB:5|US:3|CN:1|AU:1",
      "GBP", "GB:85|US:4|DE:3|FR:3|NL:2|AU:3",
      "CNY", "CN:92|SG:4|US:2|AU:2",
      "JPY", "JP:94|US:3|CN:2|SG:1",
      "AUD", "AU:88|SG:4|GB:3|US:3|CN:2",
      "CAD", "CA:85|US:12|GB:3");
  private static final String WORLDWIDE = "US:25|GB:8|DE:10|FR:7|NL:3|ES:5|IT:5|CN:12|JP:8|AU:4|BR:5|IN:5|SG:2|CA:1";

  static final String[] FEMALE = {"Emma", "Olivia", "Sophia", "Mia", "Ava", "Lena", "Clara", "Julia", "Sara",
      "Nora", "Lucia", "Chloe", "Hannah", "Alice", "Maya", "Yuki", "Mei", "Lin", "Ana", "Priya", "Zoe", "Ines",
      "Marta", "Elena", "Grace"};
  static final String[] MALE = {"Liam", "Noah", "Lucas", "Leon", "Paul", "Felix", "Hugo", "Louis", "Mateo", "Leo",
      "Jonas", "Daniel", "Marco", "Ben", "Oscar", "Kenji", "Wei", "Hao", "Rahul", "Tom", "Jack", "Samuel", "Theo",
      "Adam", "Luca"};
  static final String[] LAST = {"Smith", "Miller", "Garcia", "Martin", "Muller", "Schmidt", "Bernard", "Dubois",
      "Rossi", "Bianchi", "Lopez", "Jansen", "de Vries", "Wang", "Li", "Zhang", "Chen", "Sato", "Suzuki", "Brown",
      "Wilson", "Taylor", "Walker", "Kumar", "Silva", "Novak", "Fischer", "Moreau", "Romero", "Evans"};

  private Markets() {}

  static Money money(String code) {
    switch (code) {
      case "JPY":
        return new Money(code, 0, 150, 500, 5_000);
      case "KRW":
        return new Money(code, 0, 1_350, 3_000, 50_000);
      case "CNY":
        return new Money(code, 2, 7.2, 1_000, 9_900);
      case "EUR":
        return new Money(code, 2, 0.92, 495, 5_000);
      case "GBP":
        return new Money(code, 2, 0.79, 399, 4_000);
      default:
        return new Money(code, 2, 1.0, 595, 5_000);
    }
  }

  /** Cumulative weights over {@link #CITIES} for a shop selling in {@code currency}. */
  static double[] cityWeights(String currency) {
    String spec = HOME_MARKETS.getOrDefault(currency, WORLDWIDE);
    double[] weights = new double[CITIES.size()];
    for (String part : spec.split("\\|")) {
      String country = part.substring(0, 2);
      double share = Double.parseDouble(part.substring(3));
      long cities = CITIES.stream().filter(c -> c.country().equals(country)).count();
      for (int i = 0; i < weights.length; i++) {
        if (CITIES.get(i).country().equals(country)) {
          weights[i] = share / cities;
        }
      }
    }
    return Draw.cumulative(weights);
  }

  private static City city(String country, String city, String region, String zone, String locale, String dial) {
    return new City(country, city, region, zone, ZoneId.of(zone).getRules(), locale, dial);
  }
}
