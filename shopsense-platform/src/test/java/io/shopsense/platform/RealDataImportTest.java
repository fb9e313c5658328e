package io.shopsense.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.QuarantineStatus;
import io.shopsense.core.imports.ImportJob;
import io.shopsense.core.imports.ImportProgress;
import io.shopsense.core.imports.ImportReport;
import io.shopsense.core.imports.RealData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real public data sets imported end to end into the embedded stores: every source row accounted for exactly
 * once, what was rejected is in the quarantine with its reason, what was accepted is in the log and — after the
 * pipeline — in the lake; a second import of the same file stores nothing.
 */
class RealDataImportTest {
  @TempDir
  Path dir;

  @Test
  void theOnlineRetailFileImportsWithExactReconciliation() throws Exception {
    Path file = RealData.require("online_retail/online_retail.csv.gz");
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      ImportReport r = p.importer().run(ImportJob.of("online_retail", ImportJob.files(file), Map.of()),
          ImportProgress.NONE);
      System.out.print(r.summary());

      assertThat(r.rowsRead()).isEqualTo(541_909);
      assertThat(r.reconciles()).isTrue();
      assertThat(r.rowsAccepted() + r.rowsDuplicate() + r.rowsRejected()).isEqualTo(541_909);
      assertThat(r.rowsDuplicate()).isZero();
      assertThat(p.stores().eventLog().count()).isEqualTo(r.eventsAccepted());
      assertThat(p.stores().quarantine().countByStatus().get(QuarantineStatus.PENDING)).isEqualTo(r.quarantined());
      assertThat(r.rowsRejectedByReason().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(r.rowsRejected());
      assertThat(p.stores().catalog().count()).isEqualTo(r.productsUpserted());

      PlatformFixture.awaitPipeline(p);
      long orders = PlatformFixture.lakeLong(p, "select count(*) from events where event = 'Order Completed'");
      long refunds = PlatformFixture.lakeLong(p, "select count(*) from events where event = 'Order Refunded'");
      long lines = PlatformFixture.lakeLong(p, "select count(*) from lines");
      assertThat(orders + refunds).isPositive();
      assertThat(PlatformFixture.lakeLong(p, "select count(*) from events")).isEqualTo(r.eventsAccepted());
      // every accepted row is one order or refund line in the lake, except rows that became products only
      assertThat(lines).isLessThanOrEqualTo(r.rowsAccepted()).isGreaterThan(r.rowsAccepted() * 9 / 10);
      assertThat(PlatformFixture.lakeLong(p,
          "select count(distinct user_id) from events where user_id is not null")).isBetween(4_000L, 4_400L);

      ImportReport again = p.importer().run(ImportJob.of("online_retail", ImportJob.files(file), Map.of()),
          ImportProgress.NONE);
      assertThat(again.reconciles()).isTrue();
      assertThat(again.eventsAccepted()).isZero();
      assertThat(again.rowsDuplicate()).isEqualTo(r.rowsAccepted());
      assertThat(again.rowsRejected()).isEqualTo(r.rowsRejected());
      assertThat(p.stores().eventLog().count()).isEqualTo(r.eventsAccepted());
    }
  }

  @Test
  void theOlistSampleImportsWithExactReconciliation() throws Exception {
    Path folder = RealData.require("olist");
    try (Platform p = PlatformFixture.open(PlatformFixture.embedded(dir))) {
      ImportReport r = p.importer().run(ImportJob.of("olist", ImportJob.folder(folder, io.shopsense.core.imports.ImportPresets.byId("olist")), Map.of()),
          ImportProgress.NONE);
      System.out.print(r.summary());

      assertThat(r.reconciles()).isTrue();
      assertThat(r.rowsRead()).isPositive();
      assertThat(p.stores().eventLog().count()).isEqualTo(r.eventsAccepted());
      assertThat(p.stores().quarantine().countByStatus().get(QuarantineStatus.PENDING)).isEqualTo(r.quarantined());
      PlatformFixture.awaitPipeline(p);
      assertThat(PlatformFixture.lakeLong(p, "select count(*) from events")).isEqualTo(r.eventsAccepted());
    }
  }
}
