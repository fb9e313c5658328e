package io.shopsense.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The category tree every demo catalog is cut from: top categories with their brands (and how premium each is) and
 * subcategories with a typical price, how much they sell, whether they are consumables bought again on a cycle, when
 * in the year they sell best, and which other subcategories complement them (a tent wants a sleeping bag, a coffee
 * machine wants beans). Prices are in US dollars and converted to the shop's currency.
 */
final class Taxonomy {

  /** When in the year a subcategory sells best. */
  enum Season {
    NONE, SUMMER, WINTER, SPRING, GIFT;

    /** The demand factor of this season in a month (1 = January). */
    double factor(int month) {
      switch (this) {
        case SUMMER:
          return new double[] {0.6, 0.6, 0.8, 1.0, 1.3, 1.6, 1.7, 1.5, 1.0, 0.8, 0.6, 0.7}[month - 1];
        case WINTER:
          return new double[] {1.5, 1.3, 1.0, 0.8, 0.6, 0.5, 0.5, 0.6, 0.9, 1.2, 1.5, 1.6}[month - 1];
        case SPRING:
          return new double[] {0.8, 0.9, 1.3, 1.5, 1.4, 1.1, 0.9, 0.9, 1.0, 0.9, 0.8, 0.8}[month - 1];
        case GIFT:
          return new double[] {0.8, 1.0, 0.8, 0.8, 0.9, 0.8, 0.8, 0.8, 0.9, 1.0, 1.6, 2.2}[month - 1];
        default:
          return 1.0;
      }
    }
  }

  record Top(int index, String name, String slug, String[] brands, double[] tiers, String attributeKey,
      String[] attributeValues, boolean coloured, double refundRate) {}

  record Sub(int index, int top, String name, String slug, double basePrice, double breadth, double demand,
      int cycleDays, Season season, String[] nouns, String[] adjectives, String[] complements) {

    boolean consumable() {
      return cycleDays > 0;
    }
  }

  static final List<Top> TOPS = new ArrayList<>();
  static final List<Sub> SUBS = new ArrayList<>();
  private static final Map<String, Integer> SUB_BY_NAME = new HashMap<>();

  static {
    top("Outdoor", "Northpeak:1.6|Trailhead:1.0|CampCo:0.7|Alpenglow:1.4|Ridgeway:1.0|Basecamp:0.75",
        "weight_kg:0.4|0.9|1.5|2.3|3.1", true, 0.05);
    sub("Tents", 180, 1.2, 1.0, 0, Season.SUMMER, "Tent|Dome Tent|Tunnel Tent",
        "2-Person|3-Person|Ultralight|Family|Backpacking", "Sleeping Bags|Camping Stoves|Sleeping Mats");
    sub("Sleeping Bags", 90, 1.2, 1.0, 0, Season.SUMMER, "Sleeping Bag|Down Bag|Mummy Bag",
        "3-Season|Summer|Ultralight|Expedition", "Sleeping Mats");
    sub("Sleeping Mats", 45, 0.8, 0.8, 0, Season.SUMMER, "Sleeping Mat|Air Pad|Foam Mat",
        "Self-Inflating|Insulated|Compact", "");
    sub("Backpacks", 110, 1.5, 1.2, 0, Season.NONE, "Backpack|Daypack|Trekking Pack",
        "30L|45L|65L|Lightweight|Trail", "Water Bottles");
    sub("Camping Stoves", 60, 0.8, 0.8, 0, Season.SUMMER, "Stove|Burner|Cook System", "Compact|Titanium|Twin",
        "Gas Canisters");
    sub("Gas Canisters", 7, 0.4, 1.4, 40, Season.SUMMER, "Gas Canister|Fuel Cartridge", "230g|450g|100g", "");
    sub("Water Bottles", 20, 1.0, 1.1, 0, Season.SUMMER, "Water Bottle|Flask|Hydration Bladder",
        "Insulated|Steel|1L|750ml", "");

    top("Kitchen", "Brewster:1.6|Casa:1.0|Kettle & Co:1.0|Basil:0.7|Ferro:1.4", "material:steel|ceramic|glass|cast iron",
        true, 0.05);
    sub("Coffee Machines", 260, 1.2, 1.2, 0, Season.GIFT, "Espresso Machine|Coffee Maker|Bean-to-Cup Machine",
        "Compact|Deluxe|Classic|Smart", "Coffee Beans|Descaler|Coffee Cups");
    sub("Coffee Beans", 14, 1.5, 2.2, 21, Season.NONE, "Coffee Beans|Espresso Beans|Ground Coffee",
        "Dark Roast|Medium Roast|Single Origin|Decaf", "");
    sub("Descaler", 9, 0.3, 0.7, 90, Season.NONE, "Descaler|Cleaning Tablets", "Eco|Universal", "");
    sub("Coffee Cups", 18, 0.8, 0.8, 0, Season.GIFT, "Cup Set|Mug|Espresso Cups", "Double-Walled|Stoneware|Classic",
        "");
    sub("Cookware", 75, 1.5, 1.0, 0, Season.GIFT, "Frying Pan|Saucepan|Casserole|Wok", "Non-Stick|Cast Iron|Copper",
        "Kitchen Knives");
    sub("Kitchen Knives", 55, 1.0, 0.8, 0, Season.GIFT, "Chef's Knife|Knife Set|Santoku Knife", "Forged|Japanese|Pro",
        "");
    sub("Filter Jugs", 32, 0.4, 0.6, 0, Season.NONE, "Filter Jug|Water Filter Jug", "Slim|Large|Smart",
        "Water Filters");
    sub("Water Filters", 22, 0.4, 1.0, 60, Season.NONE, "Filter Cartridge|Filter 3-Pack", "Maxtra|Universal", "");

    top("Beauty", "Lumiere:1.7|Petal:1.0|Dewy:0.7|Nordic Skin:1.2|Verde:0.9", "volume_ml:50|100|200|400", false, 0.04);
    sub("Skincare", 32, 2.0, 1.4, 50, Season.NONE, "Face Cream|Serum|Cleanser|Toner",
        "Hydrating|Anti-Age|Vitamin C|Sensitive", "");
    sub("Shampoo", 9, 1.2, 1.2, 40, Season.NONE, "Shampoo|Conditioner|Hair Mask", "Repair|Volume|Daily|Curl", "");
    sub("Fragrance", 75, 1.3, 0.9, 0, Season.GIFT, "Eau de Parfum|Eau de Toilette|Body Mist",
        "Fresh|Floral|Woody|Citrus", "");
    sub("Razors", 25, 0.6, 0.8, 0, Season.NONE, "Razor|Safety Razor|Razor Starter Kit", "5-Blade|Classic|Sensitive",
        "Razor Blades|Shaving Gel");
    sub("Razor Blades", 16, 0.6, 1.2, 35, Season.NONE, "Razor Blades 8-Pack|Blade Refills", "5-Blade|Classic", "");
    sub("Shaving Gel", 6, 0.4, 0.8, 45, Season.NONE, "Shaving Gel|Shaving Foam", "Sensitive|Cooling", "");

    top("Electronics", "Voltix:1.5|Nimbus:1.0|Ampere:0.7|Sonique:1.6|Pixelon:1.1", "colour_name:graphite|silver|blue|white",
        true, 0.07);
    sub("Smartphones", 620, 1.0, 1.4, 0, Season.GIFT, "Smartphone|Phone", "5G|Pro|Lite|Max|Mini",
        "Phone Cases|Chargers|Screen Protectors");
    sub("Phone Cases", 20, 1.6, 1.1, 0, Season.NONE, "Phone Case|Folio Case|Bumper", "Clear|Leather|Rugged|Slim", "");
    sub("Screen Protectors", 12, 0.5, 0.8, 0, Season.NONE, "Screen Protector|Glass Protector 2-Pack",
        "Tempered|Privacy", "");
    sub("Chargers", 25, 0.8, 1.0, 0, Season.NONE, "Charger|Fast Charger|Power Bank", "65W|20W|Wireless|Travel", "");
    sub("Headphones", 130, 1.2, 1.2, 0, Season.GIFT, "Headphones|Earbuds|Headset", "Wireless|Noise-Cancelling|Sport",
        "");
    sub("Batteries", 10, 0.4, 1.0, 60, Season.GIFT, "Batteries AA 8-Pack|Batteries AAA 8-Pack|Rechargeable Batteries",
        "Alkaline|Long-Life", "");
    sub("Smart Watches", 230, 0.8, 1.0, 0, Season.GIFT, "Smart Watch|Fitness Watch", "GPS|LTE|Classic",
        "Watch Straps|Chargers");
    sub("Watch Straps", 25, 0.6, 0.6, 0, Season.NONE, "Watch Strap|Sport Band", "Silicone|Leather|Mesh", "");

    top("Home", "Hygge:1.0|Loft:1.5|Tidy:0.7|Lumen:1.1|Nest:1.2", "size:single|double|king", true, 0.05);
    sub("Bedding", 70, 1.5, 1.0, 0, Season.WINTER, "Duvet Cover|Pillow|Duvet|Sheet Set", "Linen|Cotton|Flannel|Silk",
        "");
    sub("Lighting", 55, 1.2, 0.9, 0, Season.WINTER, "Table Lamp|Floor Lamp|Pendant Light", "Scandi|Industrial|Smart",
        "Light Bulbs");
    sub("Light Bulbs", 8, 0.4, 0.9, 120, Season.WINTER, "LED Bulb 4-Pack|Smart Bulb|Filament Bulb", "E27|GU10|Warm",
        "");
    sub("Cleaning Supplies", 8, 1.0, 1.6, 30, Season.SPRING, "All-Purpose Cleaner|Dish Tabs|Laundry Pods",
        "Eco|Lemon|Sensitive|Value", "");
    sub("Storage", 30, 1.0, 0.8, 0, Season.SPRING, "Storage Box|Shelf|Basket", "Stackable|Bamboo|Woven", "");
    sub("Candles", 16, 0.8, 0.9, 45, Season.WINTER, "Scented Candle|Candle Set", "Vanilla|Cedar|Amber", "");

    top("Pets", "Pawsome:1.0|Whisker:1.0|Barkley:1.5|PetPal:0.7", "pack_size:1|3|6|12", false, 0.03);
    sub("Dog Food", 45, 1.2, 1.6, 30, Season.NONE, "Dry Dog Food|Wet Dog Food|Puppy Food",
        "Grain-Free|Adult|Senior|Salmon", "Dog Treats");
    sub("Dog Treats", 9, 0.8, 1.1, 25, Season.NONE, "Dog Treats|Chews", "Chicken|Dental|Training", "");
    sub("Cat Food", 35, 1.2, 1.6, 25, Season.NONE, "Dry Cat Food|Wet Cat Food|Kitten Food", "Indoor|Tuna|Sensitive",
        "Cat Litter");
    sub("Cat Litter", 18, 0.5, 1.3, 21, Season.NONE, "Clumping Litter|Litter", "Unscented|Silica|Natural", "");
    sub("Pet Toys", 12, 1.0, 0.8, 0, Season.GIFT, "Chew Toy|Ball|Scratching Post", "Durable|Squeaky|Interactive", "");
    sub("Pet Beds", 55, 0.6, 0.6, 0, Season.WINTER, "Pet Bed|Cushion|Cat Cave", "Orthopedic|Washable|Cozy", "");

    top("Sports", "Stride:1.5|Flexa:1.0|Ironclad:1.1|Peakform:0.7", "size:S|M|L|XL", true, 0.08);
    sub("Running Shoes", 120, 1.5, 1.2, 0, Season.SPRING, "Running Shoes|Trail Shoes|Racing Flats",
        "Cushioned|Lightweight|Stability", "Sports Socks");
    sub("Sports Socks", 14, 0.6, 0.8, 90, Season.SPRING, "Running Socks 3-Pack|Compression Socks", "Merino|Ankle", "");
    sub("Yoga Mats", 40, 0.8, 0.8, 0, Season.NONE, "Yoga Mat|Travel Mat", "Non-Slip|Cork|Extra Thick", "Yoga Blocks");
    sub("Yoga Blocks", 15, 0.4, 0.5, 0, Season.NONE, "Yoga Block|Yoga Strap", "Cork|Foam", "");
    sub("Protein Powder", 38, 1.0, 1.4, 30, Season.SPRING, "Whey Protein|Vegan Protein", "Vanilla|Chocolate|Unflavoured",
        "Shaker Bottles");
    sub("Shaker Bottles", 10, 0.4, 0.6, 0, Season.NONE, "Shaker Bottle|Shaker", "700ml|Steel", "");
    sub("Fitness Trackers", 90, 0.6, 0.8, 0, Season.GIFT, "Fitness Tracker|Activity Band", "Slim|GPS|HR", "");

    top("Fashion", "Atelier:1.7|Urbane:1.0|Basics & Co:0.7|Fjord:1.2|Maison:1.4", "size:XS|S|M|L|XL", true, 0.15);
    sub("T-Shirts", 22, 2.0, 1.3, 0, Season.SUMMER, "T-Shirt|Tee|Polo Shirt", "Organic|Oversized|Striped|Basic", "");
    sub("Jeans", 65, 1.5, 1.0, 0, Season.NONE, "Jeans|Chinos", "Slim|Straight|Relaxed|Stretch", "");
    sub("Jackets", 140, 1.2, 1.0, 0, Season.WINTER, "Jacket|Parka|Rain Jacket|Puffer", "Waterproof|Down|Wool|Light",
        "Scarves");
    sub("Sneakers", 85, 1.2, 1.1, 0, Season.SPRING, "Sneakers|Trainers|Canvas Shoes", "Leather|Retro|Everyday", "");
    sub("Socks", 10, 0.6, 0.8, 120, Season.NONE, "Socks 5-Pack|Crew Socks", "Cotton|Wool|Patterned", "");
    sub("Scarves", 30, 0.6, 0.7, 0, Season.WINTER, "Scarf|Beanie", "Wool|Cashmere|Knit", "");

    top("Baby", "Tiny:1.0|Cuddle:1.0|Bloom:1.5|LittleOne:0.7", "age_range:0-6m|6-12m|1-2y|2-4y", true, 0.04);
    sub("Diapers", 28, 1.0, 1.6, 14, Season.NONE, "Diapers|Pull-Ups", "Size 2|Size 3|Size 4|Size 5", "Baby Wipes");
    sub("Baby Wipes", 6, 0.5, 1.2, 14, Season.NONE, "Baby Wipes 6-Pack|Sensitive Wipes", "Fragrance-Free|Water", "");
    sub("Strollers", 380, 0.6, 0.8, 0, Season.NONE, "Stroller|Pushchair|Travel System", "Compact|All-Terrain|Twin",
        "Stroller Accessories");
    sub("Stroller Accessories", 30, 0.6, 0.6, 0, Season.NONE, "Rain Cover|Cup Holder|Footmuff", "Universal|Fleece", "");
    sub("Baby Toys", 18, 1.0, 0.9, 0, Season.GIFT, "Rattle|Activity Gym|Soft Toy", "Wooden|Musical|Organic", "");
    sub("Baby Bottles", 14, 0.6, 0.8, 0, Season.NONE, "Baby Bottle|Bottle Set", "Anti-Colic|Glass", "Bottle Teats");
    sub("Bottle Teats", 8, 0.3, 0.7, 60, Season.NONE, "Bottle Teats 2-Pack|Teats", "Slow Flow|Medium Flow", "");

    top("Books", "Quill Press:1.0|Paperleaf:0.8|Meridian:1.1|Harbour Books:1.0", "format:paperback|hardcover|ebook",
        false, 0.02);
    sub("Fiction", 15, 2.5, 1.2, 0, Season.GIFT, "Novel|Thriller|Short Stories", "Bestselling|Award-Winning|Debut",
        "");
    sub("Cookbooks", 28, 1.0, 0.8, 0, Season.GIFT, "Cookbook|Baking Book", "Vegetarian|Italian|Quick|Family", "");
    sub("Children's Books", 12, 1.5, 1.0, 0, Season.GIFT, "Picture Book|Bedtime Stories|Activity Book",
        "Illustrated|Classic|First", "");
    sub("Travel Guides", 20, 0.8, 0.7, 0, Season.SUMMER, "Travel Guide|City Guide|Phrasebook", "Pocket|Complete", "");
  }

  private Taxonomy() {}

  static Top top(int index) {
    return TOPS.get(index);
  }

  static Sub sub(int index) {
    return SUBS.get(index);
  }

  /** The index of the subcategory called {@code name}, or -1. */
  static int subIndex(String name) {
    return SUB_BY_NAME.getOrDefault(name, -1);
  }

  private static void top(String name, String brands, String attribute, boolean coloured, double refundRate) {
    String[] parts = brands.split("\\|");
    String[] names = new String[parts.length];
    double[] tiers = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int colon = parts[i].lastIndexOf(':');
      names[i] = parts[i].substring(0, colon);
      tiers[i] = Double.parseDouble(parts[i].substring(colon + 1));
    }
    int colon = attribute.indexOf(':');
    TOPS.add(new Top(TOPS.size(), name, slug(name), names, tiers, attribute.substring(0, colon),
        attribute.substring(colon + 1).split("\\|"), coloured, refundRate));
  }

  private static void sub(String name, double basePrice, double breadth, double demand, int cycleDays, Season season,
      String nouns, String adjectives, String complements) {
    int index = SUBS.size();
    SUBS.add(new Sub(index, TOPS.size() - 1, name, slug(name), basePrice, breadth, demand, cycleDays, season,
        nouns.split("\\|"), adjectives.split("\\|"), complements.isEmpty() ? new String[0] : complements.split("\\|")));
    SUB_BY_NAME.put(name, index);
  }

  static String slug(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replace("'", "").replace("&", "and").replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
  }
}
