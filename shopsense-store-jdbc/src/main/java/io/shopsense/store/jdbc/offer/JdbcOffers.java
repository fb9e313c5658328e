package io.shopsense.store.jdbc.offer;

import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.OfferStore;
import javax.sql.DataSource;

/**
 * The offer stores over a data source whose database {@code JdbcStores} has migrated (the V12 tables): the coupon
 * store and the offer store. Holds no resources of its own; the data source's owner closes it.
 */
public final class JdbcOffers {
  private final JdbcCouponStore coupons;
  private final JdbcOfferStore offers;

  public JdbcOffers(DataSource dataSource) {
    OfferSql sql = new OfferSql(dataSource);
    this.coupons = new JdbcCouponStore(sql);
    this.offers = new JdbcOfferStore(sql);
  }

  public CouponStore couponStore() {
    return coupons;
  }

  public OfferStore offerStore() {
    return offers;
  }
}
