package com.workos.mcpdocs.search;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.corpus.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Development tool, not a test: where the time of a search goes, stage by stage, over the evaluation queries. */
public final class StageTimer {

    public static void main(String[] args) throws Exception {
        Corpus corpus = App.loadCorpus(null);
        SearchIndex index = System.getProperty("indexDir") != null
                ? PrebuiltIndex.openOrBuild(corpus, Path.of(System.getProperty("indexDir")))
                : PrebuiltIndex.openOrBuild(corpus);
        List<String> queries = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file))) {
                queries.add(json.readTree(line).path("query").asString());
            }
        }
        QueryPlanner planner = index.planner();
        for (int round = 0; round < Integer.getInteger("rounds", 60); round++) {
            long plan = 0;
            long search = 0;
            for (String q : queries) {
                long t0 = System.nanoTime();
                planner.plan(q);
                long t1 = System.nanoTime();
                index.search(q, 10, null);
                long t2 = System.nanoTime();
                plan += t1 - t0;
                search += t2 - t1;
            }
            if (round % 5 == 4) {
                System.out.printf("plan %.3f ms/query, whole search %.3f ms/query%n", plan / 1e6 / queries.size(),
                        search / 1e6 / queries.size());
            }
        }
        long[] times = new long[queries.size() * 20];
        int n = 0;
        for (int round = 0; round < 20; round++) {
            for (String q : queries) {
                long t0 = System.nanoTime();
                index.search(q, 10, null);
                times[n++] = System.nanoTime() - t0;
            }
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (String q : queries) {
            index.search(q, 10, null);
        }
        System.out.printf("allocated %.0f KiB per search%n",
                (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / 1024.0 / queries.size());
        java.util.Arrays.sort(times);
        System.out.printf("search p50 %.3f ms, p90 %.3f, p99 %.3f, max %.3f (n=%d)%n", times[n / 2] / 1e6,
                times[n * 9 / 10] / 1e6, times[n * 99 / 100] / 1e6, times[n - 1] / 1e6, n);
    }
}
