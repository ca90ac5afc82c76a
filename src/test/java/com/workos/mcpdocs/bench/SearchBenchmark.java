package com.workos.mcpdocs.bench;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.search.SearchResult;
import com.workos.mcpdocs.service.SearchService;
import com.workos.mcpdocs.service.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search service on the real embedded corpus: one operation is one query of the evaluation files (cycled),
 * ranked and formatted as the tool answers it. Run with {@code scripts/bench-search-jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SearchBenchmark {

    private Services services;
    private List<String> queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        services = App.of(null, null).services();
        queries = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        String files = System.getProperty("bench.queries", "../shared/eval/dev-queries.jsonl,../shared/eval/dev-hard-queries.jsonl");
        for (String file : files.split(",")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (!line.isBlank()) {
                    queries.add(json.readTree(line).path("query").asString());
                }
            }
        }
    }

    @Benchmark
    public String searchAndFormat() {
        String query = queries.get(next++ % queries.size());
        SearchResult result = services.search().search(query, SearchService.DEFAULT_RESULTS, null);
        return SearchService.format(query, result);
    }
}
