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
        SearchIndex index = PrebuiltIndex.openOrBuild(corpus);
        List<String> queries = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file))) {
                queries.add(json.readTree(line).path("query").asString());
            }
        }
        QueryPlanner planner = index.planner();
        for (int round = 0; round < 30; round++) {
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
        for (String q : queries) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                index.search(q, 10, null);
                best = Math.min(best, System.nanoTime() - t0);
            }
            if (best > 3_000_000) {
                System.out.printf("%.1f ms  %s%n", best / 1e6, q);
            }
        }
    }
}
