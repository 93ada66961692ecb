package io.tokenledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by the embedded PostgreSQL server (the postmaster and its children: the backends, the WAL
 * writer, the checkpointer), from Linux's /proc in clock ticks of 10 ms. Summed over many batches, it says how much
 * of a batch's time is the database's work; elsewhere it answers -1.
 */
final class PostgresCpu {

    private static final long MILLIS_PER_TICK = 10;

    private final Path postmasterPid;

    /** The server whose data directory is {@code dataDir}; {@code null} for one elsewhere, which answers -1. */
    PostgresCpu(Path dataDir) {
        this.postmasterPid = dataDir == null ? null : dataDir.resolve("postmaster.pid");
    }

    /** Milliseconds of CPU used by the server so far, or -1 where /proc cannot tell. */
    long millis() {
        if (postmasterPid == null) {
            return -1;
        }
        try {
            String postmaster = Files.readAllLines(postmasterPid).getFirst().trim();
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.toList()) {
                    ticks += ticksIfServer(process, postmaster);
                }
            }
            return ticks * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long ticksIfServer(Path process, String postmaster) {
        String pid = process.getFileName().toString();
        if (!pid.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        try {
            String stat = Files.readString(process.resolve("stat"));
            // after "pid (comm) ": state, ppid, ..., utime (14th field of the line), stime (15th)
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (!pid.equals(postmaster) && !fields[1].equals(postmaster)) {
                return 0;
            }
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
