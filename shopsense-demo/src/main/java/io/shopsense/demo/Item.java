package io.shopsense.demo;

/** One product of the demo catalog, with what the simulation needs to know about it beyond its JSON form. */
final class Item {
  final int index;
  final String id;
  final String name;
  final Taxonomy.Sub sub;
  final int brand;
  final String brandName;
  /** The category path as events and the catalog carry it: {@code Outdoor/Tents}. */
  final String category;
  final long price;
  final long cost;
  final int stock;
  final long createdAt;
  /** When it sold out (stock 0 at the end of the period), or {@link Long#MAX_VALUE}. */
  final long soldOutAt;
  /** When it was taken off sale ({@code active: false}), or {@link Long#MAX_VALUE}. */
  final long retiredAt;
  final double popularity;
  /** The mean rating reviewers give it, 1 to 5. */
  final double quality;
  final String colour;
  final String attribute;
  /** The storefront path of its product page. */
  final String path;
  /** The fixed part of the product's JSON in events: {@code "product_id":..,"name":..,"category":..,"brand":..}. */
  final byte[] json;
  /** Specific products that go with this one (a machine's beans, a phone's case), as catalog indexes. */
  int[] complements = new int[0];

  Item(int index, String id, String name, Taxonomy.Sub sub, int brand, String brandName, long price,
      long cost, int stock, long createdAt, long soldOutAt, long retiredAt, double popularity,
      double quality, String colour, String attribute) {
    this.index = index;
    this.id = id;
    this.name = name;
    this.sub = sub;
    this.brand = brand;
    this.brandName = brandName;
    this.category = Taxonomy.top(sub.top()).name() + "/" + sub.name();
    this.price = price;
    this.cost = cost;
    this.stock = stock;
    this.createdAt = createdAt;
    this.soldOutAt = soldOutAt;
    this.retiredAt = retiredAt;
    this.popularity = popularity;
    this.quality = quality;
    this.colour = colour;
    this.attribute = attribute;
    this.path = "/p/" + id;
    this.json = JsonOut.fragment(o -> o.raw(JsonOut.ascii("\"product_id\":")).string(id)
        .raw(JsonOut.ascii(",\"name\":")).string(name).raw(JsonOut.ascii(",\"category\":")).string(category)
        .raw(JsonOut.ascii(",\"brand\":")).string(brandName));
  }

  /** Listed in the shop at {@code t}: created and not yet retired. */
  boolean listed(long t) {
    return createdAt <= t && t < retiredAt;
  }

  /** Can be put in a cart at {@code t}. */
  boolean buyable(long t) {
    return listed(t) && t < soldOutAt;
  }

  boolean active() {
    return retiredAt == Long.MAX_VALUE;
  }

  int top() {
    return sub.top();
  }
}
