package org.concurrencyharness.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.concurrencyharness.internal.agent.RaceDetectorAgent;

/**
 * The race detector's slowdown on race-free workloads: each runs in a JVM without the agent and
 * then in one with it, three pairs in turn (or {@code -Dbenchmark.pairs}), and the median of each
 * JVM's median times and of the pairs' ratios is printed. A pair's two runs are close in time, so
 * their ratio is less moved by what else the machine does than two runs far apart. Asserts nothing.
 */
public final class DetectorOverheadBenchmark {

    private DetectorOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String jar = System.getProperty("concurrency.harnessJar");
        if (jar == null) {
            throw new IllegalArgumentException("run with -Dconcurrency.harnessJar=<the packaged harness jar>");
        }
        // -Dbenchmark.agentOptions=predict measures the detector with prediction on
        String options = System.getProperty("benchmark.agentOptions", "");
        String agent = jar + (options.isBlank() ? "" : "=" + options);
        System.out.printf(
                Locale.ROOT, "%-18s %12s %12s %8s %6s%n", "workload", "plain ms", "detector ms", "ratio", "races");
        double product = 1;
        int pairs = Integer.getInteger("benchmark.pairs", 3);
        List<String> workloads = List.of("sor", "owned-fields", "contended-monitor", "library-heavy");
        for (String workload : workloads) {
            double[] plain = new double[pairs];
            double[] detected = new double[pairs];
            double[] ratios = new double[pairs];
            int races = 0;
            for (int pair = 0; pair < pairs; pair++) {
                String[] without = run(workload, null);
                String[] with = run(workload, agent);
                plain[pair] = Double.parseDouble(without[1]);
                detected[pair] = Double.parseDouble(with[1]);
                ratios[pair] = detected[pair] / plain[pair];
                races += Integer.parseInt(with[2]);
            }
            double ratio = median(ratios);
            product *= ratio;
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %12.1f %12.1f %8.2f %6d%n",
                    workload,
                    median(plain),
                    median(detected),
                    ratio,
                    races);
        }
        System.out.printf(Locale.ROOT, "geometric mean slowdown %.2f%n", Math.pow(product, 1.0 / workloads.size()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String[] run(String workload, String agent) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agent != null) {
            command.add("-javaagent:" + agent);
            command.addAll(RaceDetectorAgent.JVM_OPTIONS);
        }
        // -Dbenchmark.warmUps=N gives both JVMs more runs first, until the JIT has compiled the instrumented code
        command.add("-Dbenchmark.warmUps=" + System.getProperty("benchmark.warmUps", "3"));
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), DetectorWorkloads.class.getName(), workload));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null || !last.startsWith(workload + " ")) {
            throw new IllegalStateException(workload + " failed: " + last);
        }
        return last.split(" ");
    }
}
