package com.workos.mcpdocs.search;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.corpus.Corpus;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/** Development tool, not a test: prints the page-level ranking of a query with Lucene's explanation. */
public final class ExplainRunner {

    public static void main(String[] args) throws Exception {
        Corpus corpus = App.loadCorpus(null);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexBuilder.writePages(corpus, dir);
        DirectoryReader reader = DirectoryReader.open(dir);
        IndexSearcher searcher = new IndexSearcher(reader);
        QueryPlanner planner = new QueryPlanner(reader, Synonyms.load());
        QueryPlan plan = planner.plan(args[0]);
        System.out.println("terms: " + plan.terms());
        Query query = plan.query(Fields.PAGE_WEIGHTS);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (ScoreDoc doc : searcher.search(query, n).scoreDocs) {
            System.out.println(searcher.storedFields().document(doc.doc).get(Fields.PATH) + " " + doc.score);
            if (args.length > 2) {
                System.out.println(searcher.explain(query, doc.doc).toString().lines()
                        .filter(l -> l.contains("weight(") || l.contains("max of") || l.contains("sum of"))
                        .limit(40).reduce("", (a, b) -> a + b + "\n"));
            }
        }
        String target = System.getProperty("target");
        if (target != null) {
            var td = searcher.search(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(Fields.PATH, target)), 1);
            System.out.println("TARGET " + target + ":\n" + searcher.explain(query, td.scoreDocs[0].doc));
        }
    }
}
