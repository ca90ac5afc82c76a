package com.workos.mcpdocs.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.RealCorpus;
import com.workos.mcpdocs.App;
import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.service.DocsRequest;
import com.workos.mcpdocs.service.Services;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders every page of the real embedded corpus, in every reference language, and checks what must hold for all
 * of them. Skipped when the build could not embed the corpus.
 */
class RealCorpusRenderingTest {

    static Services services;
    static PageRenderer renderer;

    @BeforeAll
    static void load() throws Exception {
        RealCorpus.assumePresent();
        services = App.of(null, null).services();
        renderer = PageRenderer.of(services.corpus());
    }

    private static String answer(Page page, String language) {
        return services.docs().read(new DocsRequest(page.path(), language, null, 200_000, null));
    }

    private static List<String> languagesOrDefault(Page page) {
        List<String> languages = renderer.languages(page);
        return languages.isEmpty() ? java.util.Collections.singletonList(null) : languages;
    }

    @Test
    void noJsxTagIsLeftOutsideCode() {
        List<String> problems = new ArrayList<>();
        for (Page page : services.corpus().pages()) {
            for (String language : languagesOrDefault(page)) {
                MarkdownChecks.jsxTags(answer(page, language))
                        .forEach(tag -> problems.add(page.path() + " [" + language + "]: " + tag));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noMarkupArtifactOfAnyClassIsLeft() {
        java.util.Map<String, List<String>> problems = new java.util.TreeMap<>();
        for (Page page : services.corpus().pages()) {
            for (String language : languagesOrDefault(page)) {
                MarkdownChecks.artifacts(answer(page, language)).forEach((kind, found) -> found.forEach(f ->
                        problems.computeIfAbsent(kind, k -> new ArrayList<>())
                                .add(page.path() + " [" + language + "]: " + f)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noRawPlaceholderIsLeftOutsideCode() {
        List<String> problems = new ArrayList<>();
        for (Page page : services.corpus().pages()) {
            for (String language : languagesOrDefault(page)) {
                MarkdownChecks.rawPlaceholders(answer(page, language))
                        .forEach(p -> problems.add(page.path() + " [" + language + "]: " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyParameterOfTheChosenLanguageIsInItsAnswer() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Page page : services.corpus().pages()) {
            for (String language : renderer.languages(page)) {
                String answer = answer(page, language);
                for (ApiEntry entry : renderer.catalog().entries(page.path())) {
                    if (!entry.language().equals(language)) {
                        continue;
                    }
                    for (String key : MarkdownChecks.keys(entry)) {
                        checked++;
                        if (!MarkdownChecks.showsKey(answer, key)) {
                            missing.add(page.path() + " [" + language + "]: " + key);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(missing).isEmpty();
    }

    @Test
    void aSingleLanguageAnswerIsFarSmallerThanTheRawPage() {
        Page create = services.corpus().page("reference/authkit/user/create").orElseThrow();
        String python = answer(create, "python");
        assertThat(python).contains("user_management.create_user()", "`password_hash_type`")
                .doesNotContain("userManagement.createUser()", "descriptions:");
        assertThat(python.length()).isLessThan(3_000); // the raw page is over 10,000 bytes
    }
}
