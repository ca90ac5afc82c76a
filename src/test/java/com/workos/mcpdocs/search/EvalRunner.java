package com.workos.mcpdocs.search;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.service.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Development tool, not a test: runs evaluation query files (one JSON object per line with {@code query},
 * {@code expect}, {@code kind}) against the search service in-process and prints recall@1/5, MRR@10 per kind and
 * every miss with the top 3. An expected {@code path#anchor} is matched against the hits' sections, as
 * {@code mcpbench.py eval} does. Usage: {@code EvalRunner FILE...}.
 */
public final class EvalRunner {

    public static void main(String[] args) throws Exception {
        Services services = App.of(null, null).services();
        JsonMapper json = JsonMapper.builder().build();
        for (String file : args) {
            Map<String, double[]> byKind = new TreeMap<>();
            List<String> misses = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode q = json.readTree(line);
                List<String> expect = new ArrayList<>();
                q.path("expect").forEach(e -> expect.add(e.asString()));
                // A line that expects a section ("path#anchor") ranks the hits' distinct sections, else their pages.
                boolean sections = expect.stream().anyMatch(e -> e.contains("#"));
                List<String> got = services.search().search(q.path("query").asString(), 10, null).hits().stream()
                        .map(h -> sections && !h.anchor().isEmpty() ? h.path() + "#" + h.anchor() : h.path())
                        .distinct().toList();
                int rank = -1;
                for (int i = 0; i < got.size(); i++) {
                    if (expect.contains(got.get(i))) {
                        rank = i + 1;
                        break;
                    }
                }
                for (String kind : List.of(q.path("kind").asString(), "ALL")) {
                    double[] m = byKind.computeIfAbsent(kind, k -> new double[4]);
                    m[0]++;
                    m[1] += rank == 1 ? 1 : 0;
                    m[2] += rank >= 1 && rank <= 5 ? 1 : 0;
                    m[3] += rank >= 1 ? 1.0 / rank : 0;
                }
                if (rank != 1) {
                    misses.add(String.format("  %s rank %s: '%s' want %s got %s", q.path("id").asString(),
                            rank < 0 ? "-" : rank, q.path("query").asString(), expect,
                            got.subList(0, Math.min(3, got.size()))));
                }
            }
            System.out.println(file);
            byKind.forEach((kind, m) -> System.out.printf("  %-11s n=%2.0f r@1 %.3f r@5 %.3f MRR %.3f%n", kind, m[0],
                    m[1] / m[0], m[2] / m[0], m[3] / m[0]));
            misses.forEach(System.out::println);
        }
    }
}
