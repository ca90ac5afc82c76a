package com.workos.mcpdocs.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * The passage of a hit's section that best matches the query, with the words that matched marked {@code **so**}.
 * Where a word matched is Lucene's answer: the offsets indexed with the section's text for each query term, so a
 * word is marked only where its analysis gives one of the query's terms.
 */
final class Snippets {

    private static final int MAX_SNIPPET = 260;

    private record Span(int start, int end) {
    }

    /** A match: where, and which query term. */
    private record Match(int start, int end, String term) {
    }

    /** The matches of each section, by document. */
    private final Map<Integer, List<Match>> matches = new HashMap<>();

    /**
     * Finds where the query's terms occur in the given sections: each term's postings are read once, in document
     * order, for all of them.
     */
    Snippets(IndexSearcher searcher, Set<String> queryTerms, int[] sections) {
        int[] docs = sections.clone();
        Arrays.sort(docs);
        for (int doc : docs) {
            matches.put(doc, new ArrayList<>());
        }
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(Fields.SECTION_TEXT);
                if (terms == null) {
                    continue;
                }
                TermsEnum termsEnum = terms.iterator();
                PostingsEnum postings = null;
                for (String term : queryTerms) {
                    if (!termsEnum.seekExact(new BytesRef(term))) {
                        continue;
                    }
                    postings = termsEnum.postings(postings, PostingsEnum.OFFSETS);
                    for (int doc : docs) {
                        int local = doc - leaf.docBase;
                        if (local < 0 || local >= leaf.reader().maxDoc()) {
                            continue;
                        }
                        int at = postings.docID() >= local ? postings.docID() : postings.advance(local);
                        if (at == DocIdSetIterator.NO_MORE_DOCS) {
                            break;
                        }
                        for (int i = 0; at == local && i < postings.freq(); i++) {
                            postings.nextPosition();
                            matches.get(doc).add(new Match(postings.startOffset(), postings.endOffset(), term));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (List<Match> found : matches.values()) {
            found.sort(Comparator.comparingInt(Match::start).thenComparingInt(m -> -m.end()));
            // Terms of one word overlap (a whole identifier and its parts): the first, longest, is marked.
            int end = -1;
            for (Iterator<Match> it = found.iterator(); it.hasNext(); ) {
                Match m = it.next();
                if (m.start() < end) {
                    it.remove();
                } else {
                    end = m.end();
                }
            }
        }
    }

    /** The best sentence (with the next one when it is short) of a section's {@code text}, matches marked. */
    String best(int doc, String text) {
        List<Span> sentences = sentences(text);
        if (sentences.isEmpty()) {
            return "";
        }
        List<Match> matches = this.matches.getOrDefault(doc, List.of());
        // The sentence with the most distinct query terms, the first among equals.
        int bestIndex = 0;
        int bestCount = 0;
        int m = 0;
        for (int s = 0; s < sentences.size(); s++) {
            Span sentence = sentences.get(s);
            Set<String> found = new HashSet<>();
            while (m < matches.size() && matches.get(m).start() < sentence.end()) {
                if (matches.get(m).start() >= sentence.start()) {
                    found.add(matches.get(m).term());
                }
                m++;
            }
            if (found.size() > bestCount) {
                bestCount = found.size();
                bestIndex = s;
            }
        }
        Span chosen = sentences.get(bestIndex);
        if (chosen.end() - chosen.start() < MAX_SNIPPET / 2 && bestIndex + 1 < sentences.size()) {
            chosen = new Span(chosen.start(), sentences.get(bestIndex + 1).end());
        }
        boolean cut = chosen.end() - chosen.start() > MAX_SNIPPET;
        int end = cut ? chosen.start() + MAX_SNIPPET - 1 : chosen.end();
        StringBuilder out = new StringBuilder();
        int at = chosen.start();
        for (Match match : matches) {
            if (match.start() >= at && match.end() <= end) {
                out.append(text, at, match.start()).append("**").append(text, match.start(), match.end())
                        .append("**");
                at = match.end();
            }
        }
        out.append(text, at, end);
        String snippet = plain(out.toString());
        return cut ? snippet + "…" : snippet;
    }

    /** A passage on one line: runs of whitespace as one space, without a leading heading or list marker. */
    static String plain(String text) {
        return text.replaceAll("\\s+", " ").replaceFirst("^(#+|[-*>]) ", "").strip();
    }

    /**
     * The sentences of a text: one ends at whitespace after {@code . ! ? :} and at a line break; what is only
     * markup (a table rule, a bullet, hashes) is not a sentence.
     */
    static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int at = 0; at <= text.length(); at++) {
            boolean end = at == text.length() || text.charAt(at) == '\n'
                    || (Character.isWhitespace(text.charAt(at)) && at > 0 && ".!?:".indexOf(text.charAt(at - 1)) >= 0);
            if (!end) {
                continue;
            }
            String sentence = text.substring(start, at);
            String stripped = sentence.strip();
            if (stripped.length() > 2 && !stripped.chars().allMatch(c -> "#>|-*: ".indexOf(c) >= 0)) {
                int lead = sentence.indexOf(stripped.charAt(0));
                out.add(new Span(start + lead, start + lead + stripped.length()));
            }
            start = at + 1;
        }
        return out;
    }
}
