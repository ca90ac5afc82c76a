package com.workos.mcpdocs.render;

import com.workos.mcpdocs.App;
import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.library.EmbeddedCorpus;
import com.workos.mcpdocs.service.DocsRequest;
import com.workos.mcpdocs.service.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the rendering over the real embedded corpus: for every reference page and language, the size of the
 * single-language answer against the raw {@code .mdx} file the npm package returns, and whether every parameter is
 * there; over every page, tags and placeholders left outside code. After {@code mvn -q -DskipTests package}:
 * {@code java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * com.workos.mcpdocs.render.RenderReport [v]} (with {@code v}, one line per answer). Prints to stdout.
 */
public final class RenderReport {

    private RenderReport() {
    }

    public static void main(String[] args) throws Exception {
        var embedded = EmbeddedCorpus.open().orElseThrow(() -> new IllegalStateException("no embedded corpus"));
        Services services = App.of(null, null).services();
        Map<String, byte[]> files = embedded.tree().files();
        PageRenderer renderer = PageRenderer.of(services.corpus());
        List<Double> ratios = new ArrayList<>();
        String worst = "";
        double worstRatio = 0;
        int answers = 0;
        int missing = 0;
        int over = 0;
        long answerBytes = 0;
        long rawBytes = 0;
        for (Page page : services.corpus().pages()) {
            List<String> languages = renderer.languages(page);
            byte[] raw = files.get(page.sourceFile());
            for (String language : languages) {
                String answer = services.docs().read(new DocsRequest(page.path(), language, null, 200_000, null));
                answers++;
                answerBytes += answer.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                rawBytes += raw.length;
                double ratio = (double) answer.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / raw.length;
                ratios.add(ratio);
                if (args.length > 0) {
                    System.out.printf("ratio %.3f %s %s %d/%d%n", ratio, page.path(), language,
                            answer.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, raw.length);
                }
                if (ratio > 0.25) {
                    over++;
                }
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    worst = page.path() + " (" + language + ")";
                }
                for (ApiEntry entry : renderer.catalog().entries(page.path())) {
                    if (entry.language().equals(language)) {
                        for (String key : MarkdownChecks.keys(entry)) {
                            if (!MarkdownChecks.showsKey(answer, key)) {
                                missing++;
                                System.out.println("missing " + page.path() + " " + language + " " + key);
                            }
                        }
                    }
                }
            }
        }
        int tags = 0;
        int placeholders = 0;
        for (Page page : services.corpus().pages()) {
            for (String language : languagesOrDefault(renderer, page)) {
                String answer = services.docs().read(new DocsRequest(page.path(), language, null, 200_000, null));
                for (String tag : MarkdownChecks.jsxTags(answer)) {
                    tags++;
                    System.out.println("tag " + page.path() + " " + language + ": " + tag);
                }
                for (String p : MarkdownChecks.rawPlaceholders(answer)) {
                    placeholders++;
                    System.out.println("placeholder " + page.path() + " " + language + ": " + p);
                }
            }
        }
        ratios.sort(Double::compare);
        System.out.printf("reference answers: %d (page x language), over 25%%: %d%n", answers, over);
        System.out.printf("ratio answer/raw mdx: median %.3f, p90 %.3f, max %.3f (%s)%n",
                ratios.get(ratios.size() / 2), ratios.get((int) (ratios.size() * 0.9)), worstRatio, worst);
        System.out.printf("all answers together: %.3f of the raw bytes (%d / %d)%n",
                (double) answerBytes / rawBytes, answerBytes, rawBytes);
        System.out.printf("parameter keys missing: %d%n", missing);
        System.out.printf("pages: %d, JSX tags outside code: %d, raw placeholders outside code: %d%n",
                services.corpus().pages().size(), tags, placeholders);
    }

    private static List<String> languagesOrDefault(PageRenderer renderer, Page page) {
        List<String> languages = renderer.languages(page);
        return languages.isEmpty() ? List.of("") : languages;
    }
}
