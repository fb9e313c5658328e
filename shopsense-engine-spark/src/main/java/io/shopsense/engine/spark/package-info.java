/**
 * Batch jobs over the Parquet lake on Apache Spark 4.0 (scala 2.13): the profile rebuild and the segment evaluation
 * of the whole customer base ({@link io.shopsense.engine.spark.ProfileJob}). The logic is the core's — every event is
 * decoded by {@code EventDecoder.decodeColumns} and folded by {@code ProfileState.add}, partial states are merged by
 * {@code ProfileState.merge}, the model is fitted by {@code ProfileModel.Fitter}, facts and segments come from
 * {@code ProfileEngine} and {@code SegmentRules} — so the output equals the local rebuild's
 * ({@code LakeProfileSource.fold}) person by person; Spark only moves the data.
 * Spark is never loaded by the server (its Jetty needs Servlet 5, Spring Boot brings 6): the job runs in its own JVM.
 *
 * <h2>Running it</h2>
 *
 * <p>Build the job jar (our classes and the non-Spark dependencies, Jackson relocated; Spark and DuckDB are left out,
 * about 8 MB):
 *
 * <pre>
 * ./mvnw -B -q package -pl shopsense-engine-spark -am -DskipTests
 * # → shopsense-engine-spark/target/shopsense-engine-spark-0.1.0-SNAPSHOT-job.jar
 * </pre>
 *
 * <p>and submit it to a Spark 4.0.x (scala 2.13) installation:
 *
 * <pre>
 * spark-submit \
 *   --class io.shopsense.engine.spark.ProfileJob \
 *   --master 'local[4]' \
 *   --driver-memory 2g \
 *   --conf spark.sql.shuffle.partitions=64 \
 *   shopsense-engine-spark/target/shopsense-engine-spark-0.1.0-SNAPSHOT-job.jar \
 *   --lake /var/lib/shopsense/lake \
 *   --out /var/lib/shopsense/batch/profiles-2026-11-22 \
 *   --segments segments.json \
 *   --now 2026-11-22T00:00:00Z
 * </pre>
 *
 * <ul>
 *   <li>{@code --lake DIR} (required): the lake's root, with {@code events/} and the identity snapshot
 *       {@code identities/links.parquet} (written by {@code LakeProfileSource.exportIdentities}). Only the live files
 *       of {@code events} are read, never a glob: a compaction leaves its inputs behind for a while.
 *   <li>{@code --out DIR} (required): receives {@code profiles/} (Parquet, one row per person: person_id, the fold
 *       state, the facts, the segments) and {@code model.json} ({@code ProfileModel.toJson()}); replaced if present.
 *   <li>{@code --segments FILE}: a JSON object of segment id to rule text, {@code {"vip": "rfm.monetary >= 4"}}.
 *       Traits are not in the lake, so rules on {@code traits.*} see no value here (the job warns): they are
 *       evaluated by the real-time and local paths only.
 *   <li>{@code --now ISO-INSTANT}: the instant of the model fit and of the derivation (default: the current time).
 *   <li>{@code --master URL}: only for runs without spark-submit ({@code java -cp …}); spark-submit's own
 *       {@code --master} is the usual place. With a {@code local} master the job turns the web UI off and binds the
 *       driver to 127.0.0.1.
 * </ul>
 *
 * <p>The lake and the output are plain paths: on a cluster they must be mounted under the same name on the driver and
 * every executor (the driver lists the live files and writes {@code model.json}; the executors read and write the
 * Parquet files). On this kind of machine set {@code SPARK_LOCAL_IP=127.0.0.1}. The jar's manifest names
 * {@code ProfileJob} as its main class, so {@code --class} may be left out.
 *
 * <h2>Recommendation models</h2>
 *
 * <p>{@link io.shopsense.engine.spark.AlsJob} (Spark MLlib's implicit ALS) and
 * {@link io.shopsense.engine.spark.ItemCooccurrenceJob} (co-view/co-cart/co-purchase cosine with shrinkage, top k per
 * item) read the lake's {@code lines} table, attributed to persons as the profile job attributes events, weighted by
 * the core's default interaction weights (refunds against purchases, non-positive cells dropped). Each writes one
 * model file ({@code RecommenderModel.toBytes()}: an ordinary {@code als} or {@code item-knn} model whose settings
 * digest names the Spark engine), which the server installs as its personal model with
 * {@code PUT /v1/recommendations/models/personal}. Consent is required input: {@code --personalised} (the snapshot of
 * {@code Platform.writePersonalisedSnapshot}: only these persons train) and/or {@code --exclude} (erased persons,
 * withdrawals since the snapshot: never train).
 *
 * <pre>
 * spark-submit --class io.shopsense.engine.spark.AlsJob --master 'local[4]' --driver-memory 4g \
 *   shopsense-engine-spark/target/shopsense-engine-spark-0.1.0-SNAPSHOT-job.jar \
 *   --lake /var/lib/shopsense/lake --personalised personalised.txt --out als.model \
 *   --rank 64 --reg-param 0.05 --alpha 10 --iterations 15
 * spark-submit --class io.shopsense.engine.spark.ItemCooccurrenceJob --master 'local[4]' \
 *   shopsense-engine-spark/target/shopsense-engine-spark-0.1.0-SNAPSHOT-job.jar \
 *   --lake /var/lib/shopsense/lake --personalised personalised.txt --exclude erased.txt --out item-knn.model \
 *   --neighbours 100 --shrinkage 10 --kinds purchase --per-person-cap 500
 * </pre>
 *
 * <p>The driver collects the training matrix (the model file carries it, as every served model does); the
 * co-occurrence pairs are counted distributed. {@link io.shopsense.engine.spark.SparkAlsFits} is the Spark half of
 * {@code shopsense eval --with-spark}: a matrix file in, one ALS model per grid point out.
 *
 * <h2>Classpath</h2>
 *
 * <p>Spark 4.0.1 brings Jackson 2.18.2, and spark-submit puts it before the job jar; our modules are built and
 * tested on the Spring Boot BOM's Jackson (2.21; the lake already calls an API that 2.18 lacks). The job jar
 * therefore carries its own Jackson relocated to {@code io.shopsense.engine.spark.shaded.jackson}: our code runs on
 * the Jackson it was tested with, Spark on its own, and neither can break the other. On the tests' single classpath
 * the BOM manages all of Jackson, {@code jackson-module-scala_2.13} included (it refuses a databind of another minor);
 * Spark's other libraries that the BOM would move (janino, netty, jersey, servlet, slf4j…) are pinned back to Spark
 * 4.0.1's versions in this module's POM. Spark's {@code log4j-slf4j2-impl} is excluded from the tests' classpath (one
 * SLF4J provider at most; the tests log nothing from Spark).
 */
package io.shopsense.engine.spark;
