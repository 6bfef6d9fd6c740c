package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.flink.util.FileUtils;

/**
 * Flink state per user and per item, and how the job scales: the whole job runs over generated
 * events of a small and a large number of users (the same catalogue, one day of activity each), and
 * its state is measured while the source stays open (see {@link OpenJobState}): canonical and
 * RocksDB-native savepoint sizes, and the heap after GC with the heap backend. The slope between
 * the two sizes is the cost of one more user, without the fixed overhead. On the small input, the
 * job also runs at parallelism 1 and 2 ({@link ParallelismScaling}), unless rounds is 0. Usage:
 * {@code bench/memory.sh [small users] [large users] [rounds] [rocksdb-only]}: with {@code
 * rocksdb-only}, the heap backend is not run and its figures are left out (at 1 M users it needs
 * hours and over 12 GB of heap here).
 */
public final class MemoryBenchmark {

    static final String NAME = "memory";

    /** One day each: state per user hardly grows with days, the time to generate and run does. */
    private static final int DAYS = 1;

    /**
     * Generated users (about 40 % are active on a given day). The 100 k and 1 M run apart
     * ({@code bench/memory.sh 100000 1000000 0 rocksdb-only}, about 20 minutes here): too long for
     * the suite, and the heap backend would need more than its 4 GiB heap (see bench/README.md).
     */
    private static final int[] QUICK_SIZES = {2_000, 10_000};

    private static final int[] FULL_SIZES = {10_000, 100_000};

    private static final int ITEMS = 5_000;
    private static final int PARALLELISM = 2;

    private MemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : FULL_SIZES[0];
        int large = args.length > 1 ? Integer.parseInt(args[1]) : FULL_SIZES[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean withHeap = args.length <= 3 || !"rocksdb-only".equals(args[3]);
        if (args.length > 3 && withHeap) {
            throw new IllegalArgumentException(
                    "the fourth argument can only be rocksdb-only, got " + args[3]);
        }
        System.out.print(ResultsTable.text(run(small, large, rounds, withHeap)));
    }

    static List<Figure> run(BenchContext context) throws Exception {
        int[] sizes = context.quick() ? QUICK_SIZES : FULL_SIZES;
        return run(sizes[0], sizes[1], context.rounds(), true);
    }

    /** What was measured at one number of users; {@code heap} is null when not run. */
    private record Size(EventFiles files, OpenJobState rocksDb, OpenJobState heap) {

        int users() {
            return files.activeUsers();
        }
    }

    static List<Figure> run(int smallUsers, int largeUsers, int rounds, boolean withHeap)
            throws Exception {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be 0 or more, got " + rounds);
        }
        if (smallUsers >= largeUsers) {
            throw new IllegalArgumentException(
                    "the small size must be below the large one, got "
                            + smallUsers
                            + " and "
                            + largeUsers);
        }
        Path input = Files.createTempDirectory("bench-memory-input-");
        try {
            EventFiles smallFiles = generate(input.resolve("small"), smallUsers);
            Size small = measure(smallFiles, withHeap);
            ParallelismScaling.Rounds scaling =
                    rounds > 0 ? ParallelismScaling.measure(smallFiles, rounds) : null;
            Size large = measure(generate(input.resolve("large"), largeUsers), withHeap);
            List<Figure> figures = new ArrayList<>();
            figures.addAll(
                    perUser(small, large, "canonical savepoint", MemoryBenchmark::canonical));
            figures.addAll(
                    perUser(
                            small,
                            large,
                            "RocksDB native savepoint",
                            s -> s.rocksDb().nativeFormat().bytesOnDisk()));
            if (withHeap) {
                figures.addAll(
                        perUser(
                                small,
                                large,
                                "heap after GC, heap backend",
                                MemoryBenchmark::heap));
            }
            figures.add(userKeyedSlope(small, large));
            figures.add(perItem(large));
            if (scaling != null) {
                figures.addAll(scalingFigures(smallFiles, scaling));
            }
            return figures;
        } finally {
            FileUtils.deleteDirectoryQuietly(input.toFile());
        }
    }

    private static EventFiles generate(Path directory, int users) throws Exception {
        EventFiles files =
                EventFiles.generate(directory, GeneratorConfig.of(users, ITEMS, DAYS, 1), 2);
        System.out.printf(
                "  input: %,d events from %,d active users (of %,d generated) and %,d of %,d"
                        + " items over %d day%n",
                files.events(), files.activeUsers(), users, files.activeItems(), ITEMS, DAYS);
        return files;
    }

    private static Size measure(EventFiles files, boolean withHeap) throws Exception {
        OpenJobState rocksDb = OpenJobState.measure(files, FileFedJob.Backend.ROCKSDB, PARALLELISM);
        System.out.printf(
                "  %,d users: canonical savepoint %s MiB (by user %s, by item %s, other %s);"
                        + " RocksDB native savepoint %s MiB; heap after GC %s MiB with RocksDB%n",
                files.activeUsers(),
                mib(rocksDb.canonical().bytesOnDisk()),
                mib(rocksDb.canonical().stateBytes().get(SavepointSize.KeyedBy.USER)),
                mib(rocksDb.canonical().stateBytes().get(SavepointSize.KeyedBy.ITEM)),
                mib(rocksDb.canonical().stateBytes().get(SavepointSize.KeyedBy.OTHER)),
                mib(rocksDb.nativeFormat().bytesOnDisk()),
                mib(rocksDb.heapAfterGc()));
        if (!withHeap) {
            return new Size(files, rocksDb, null);
        }
        OpenJobState heap = OpenJobState.measure(files, FileFedJob.Backend.HASHMAP, PARALLELISM);
        System.out.printf(
                "  %,d users: heap after GC %s MiB with the heap backend (canonical savepoint %s"
                        + " MiB)%n",
                files.activeUsers(), mib(heap.heapAfterGc()), mib(heap.canonical().bytesOnDisk()));
        return new Size(files, rocksDb, heap);
    }

    private static double canonical(Size size) {
        return size.rocksDb().canonical().bytesOnDisk();
    }

    private static double heap(Size size) {
        return size.heap().heapAfterGc();
    }

    /** Bytes per user at each size, and per added user between them. */
    private static List<Figure> perUser(
            Size small, Size large, String measure, ToDoubleFunction<Size> bytes) {
        return List.of(
                single(
                        "state per user at " + users(small) + " users",
                        measure,
                        "bytes/user",
                        bytes.applyAsDouble(small) / small.users()),
                single(
                        "state per user at " + users(large) + " users",
                        measure,
                        "bytes/user",
                        bytes.applyAsDouble(large) / large.users()),
                single(
                        "state per added user, " + users(small) + " → " + users(large) + " users",
                        measure,
                        "bytes/user",
                        slope(small, large, bytes)));
    }

    private static Figure userKeyedSlope(Size small, Size large) {
        return single(
                "user-keyed operators' state per added user, "
                        + users(small)
                        + " → "
                        + users(large)
                        + " users",
                "canonical savepoint",
                "bytes/user",
                slope(small, large, s -> keyed(s, SavepointSize.KeyedBy.USER)));
    }

    private static Figure perItem(Size large) {
        return single(
                "item-keyed operators' state per catalogue item at " + users(large) + " users",
                "canonical savepoint",
                "bytes/item",
                keyed(large, SavepointSize.KeyedBy.ITEM) / ITEMS);
    }

    private static double keyed(Size size, SavepointSize.KeyedBy key) {
        return size.rocksDb().canonical().stateBytes().get(key);
    }

    private static List<Figure> scalingFigures(
            EventFiles files, ParallelismScaling.Rounds scaling) {
        String input = files.events() + " events of " + users(files.activeUsers()) + " users";
        return List.of(
                new Figure(
                        NAME,
                        "throughput, RocksDB, documents dropped, " + input,
                        "events/s",
                        "parallelism 2",
                        "parallelism 1",
                        rates(scaling.two(), ParallelismScaling.Rate::eventsPerSecond),
                        rates(scaling.one(), ParallelismScaling.Rate::eventsPerSecond),
                        Goal.NONE),
                new Figure(
                        NAME,
                        "events per CPU-second of the Flink JVM, " + input,
                        "events/CPU-s",
                        "parallelism 2",
                        "parallelism 1",
                        rates(scaling.two(), ParallelismScaling.Rate::eventsPerCpuSecond),
                        rates(scaling.one(), ParallelismScaling.Rate::eventsPerCpuSecond),
                        Goal.NONE));
    }

    private static double slope(Size small, Size large, ToDoubleFunction<Size> bytes) {
        return bytesPerAddedUser(
                small.users(),
                bytes.applyAsDouble(small),
                large.users(),
                bytes.applyAsDouble(large));
    }

    /** The slope between two sizes: what one more user costs, without the fixed overhead. */
    static double bytesPerAddedUser(int fewer, double bytesFewer, int more, double bytesMore) {
        return (bytesMore - bytesFewer) / (more - fewer);
    }

    private static double[] rates(
            ParallelismScaling.Rate[] rates, ToDoubleFunction<ParallelismScaling.Rate> value) {
        return Arrays.stream(rates).mapToDouble(value).toArray();
    }

    private static Figure single(String name, String measure, String unit, double value) {
        return new Figure(
                NAME, name, unit, measure, "-", new double[] {value}, new double[0], Goal.NONE);
    }

    private static String users(Size size) {
        return users(size.users());
    }

    private static String users(int users) {
        return String.format("%,d", users);
    }

    private static String mib(double bytes) {
        return Numbers.format(bytes / (1024 * 1024));
    }
}
