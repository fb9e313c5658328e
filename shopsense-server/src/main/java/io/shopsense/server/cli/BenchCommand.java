package io.shopsense.server.cli;

import io.shopsense.server.bench.CampaignBench;
import io.shopsense.server.bench.ConsentBench;
import io.shopsense.server.bench.ErasureBench;
import io.shopsense.server.bench.ImportBench;
import io.shopsense.server.bench.IngestBench;
import io.shopsense.server.bench.LoadGen;
import io.shopsense.server.bench.ProfileBench;
import io.shopsense.server.bench.ProfileStoreBench;
import io.shopsense.server.bench.RecommendationBench;
import io.shopsense.server.bench.TrainingBench;
import picocli.CommandLine.Command;

/** End-to-end benchmarks, each quoted beside a baseline measured in the same run on the same machine. */
@Command(name = "bench", description = "Benchmarks against a server in its own process, with a baseline.",
    subcommands = {IngestBench.class, ImportBench.class, ProfileBench.class, ProfileStoreBench.class,
        ConsentBench.class, ErasureBench.class, TrainingBench.class, LoadGen.class,
        RecommendationBench.class, CampaignBench.class})
public class BenchCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
