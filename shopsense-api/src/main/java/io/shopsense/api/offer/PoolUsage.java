package io.shopsense.api.offer;

import java.math.BigDecimal;

/** How much of a pool's budget has been granted: the number of grants and their face value. */
public record PoolUsage(long granted, BigDecimal grantedMoney) {
}
