package io.tokenledger.bench;

import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestResult;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsageEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The ingest part of the pipeline benchmark: batches of the synthetic traffic through the production pipeline, and
 * the same rows through COPY, one batch at a time or several at once; the figures go to the report.
 */
final class IngestMeasurement {

    private final Report report;
    private final SyntheticTraffic traffic;
    private final IngestPipeline pipeline;
    private final CopyBaseline copy;
    private final PostgresCpu postgresCpu;

    IngestMeasurement(
            Report report,
            SyntheticTraffic traffic,
            IngestPipeline pipeline,
            CopyBaseline copy,
            PostgresCpu postgresCpu) {
        this.report = report;
        this.traffic = traffic;
        this.pipeline = pipeline;
        this.copy = copy;
        this.postgresCpu = postgresCpu;
    }

    /** {@code count} events in batches of {@code batchSize}, each through the pipeline, then COPY plain and keyed. */
    long oneAtATime(long first, int batchSize, long count) throws Exception {
        Sums sums = new Sums();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        while (sums.events + batchSize <= count) {
            List<UsageEvent> batch = traffic.batch(first + sums.events, batchSize);
            List<ParsedRecord> records = BenchMain.valid(batch);
            long postgresBefore = postgresCpu.millis();
            long threadBefore = threads.getCurrentThreadCpuTime();
            long began = System.nanoTime();
            pipeline.ingest("bench", records);
            sums.pipelineNanos += System.nanoTime() - began;
            sums.cpuNanos = Sums.plus(sums.cpuNanos, threadBefore, threads.getCurrentThreadCpuTime());
            sums.postgresMillis = Sums.plus(sums.postgresMillis, postgresBefore, postgresCpu.millis());
            sums.plainNanos += copy.copy(CopyBaseline.PLAIN, batch);
            sums.keyedNanos += copy.copy(CopyBaseline.KEYED, batch);
            sums.events += batchSize;
        }
        report.ingest(batchSize, sums.events, sums.pipelineNanos, sums.plainNanos, sums.keyedNanos);
        report.ingestCpu(
                batchSize,
                sums.events / batchSize,
                sums.pipelineNanos,
                sums.postgresMillis,
                sums.cpuNanos,
                sums.keyedNanos);
        return first + sums.events;
    }

    /**
     * Ingest with {@code streams} batches at a time, in rounds: the round's batches go through the pipeline at the
     * same time, then through COPY plain and COPY keyed at the same time, each round timed from its start to its
     * last commit. The CPU of PostgreSQL and of this JVM during the pipeline's part tells how busy the cores were.
     */
    long atOnce(long first, int streams, int batchSize, long count) throws Exception {
        Sums sums = new Sums();
        while (sums.events + (long) streams * batchSize <= count) {
            List<List<UsageEvent>> batches = new ArrayList<>();
            List<Callable<IngestResult>> ingests = new ArrayList<>();
            for (int stream = 0; stream < streams; stream++) {
                List<UsageEvent> batch = traffic.batch(first + sums.events, batchSize);
                List<ParsedRecord> records = BenchMain.valid(batch);
                batches.add(batch);
                ingests.add(() -> pipeline.ingest("bench", records));
                sums.events += batchSize;
            }
            long postgresBefore = postgresCpu.millis();
            long jvmBefore = jvmCpuNanos();
            sums.pipelineNanos += AtOnce.run(ingests);
            sums.cpuNanos = Sums.plus(sums.cpuNanos, jvmBefore, jvmCpuNanos());
            sums.postgresMillis = Sums.plus(sums.postgresMillis, postgresBefore, postgresCpu.millis());
            sums.plainNanos += copy.copyAtOnce(CopyBaseline.PLAIN, batches);
            sums.keyedNanos += copy.copyAtOnce(CopyBaseline.KEYED, batches);
        }
        report.ingestAtOnce(batchSize, streams, sums.events, sums.pipelineNanos, sums.plainNanos, sums.keyedNanos);
        report.ingestAtOnceCpu(
                sums.events / batchSize / streams, sums.pipelineNanos, sums.postgresMillis, sums.cpuNanos);
        return first + sums.events;
    }

    /** CPU time of this whole JVM (every ingesting thread, the pool, the collector), or -1 where it cannot tell. */
    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * What a measurement adds up over its batches; {@code cpuNanos} is the ingesting thread's CPU one batch at a time,
     * the whole JVM's at once.
     */
    private static final class Sums {
        long events;
        long pipelineNanos;
        long plainNanos;
        long keyedNanos;
        long postgresMillis;
        long cpuNanos;

        /**
         * A CPU sum with one more reading from {@code before} to {@code after}; -1 (the report's n/a) once any reading
         * could not be taken, rather than the difference of two -1s.
         */
        static long plus(long sum, long before, long after) {
            return sum < 0 || before < 0 || after < 0 ? -1 : sum + after - before;
        }
    }
}
