package com.workos.mcpdocs.service;

import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.Headings;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.render.Languages;
import com.workos.mcpdocs.render.PageRenderer;
import com.workos.mcpdocs.render.ReferenceRenderer;
import com.workos.mcpdocs.render.Sections;
import java.util.List;
import java.util.Map;

/**
 * Looks up an endpoint, SDK method or object of the API reference by any of its names and answers with its
 * rendered entry and the page it lives on.
 */
public final class ApiService {

    /** How many entries one answer shows when a name is ambiguous. */
    static final int MAX_MATCHES = 4;

    private final Corpus corpus;
    private final PageRenderer renderer;
    private final Calls calls;
    private volatile ApiNames names;

    public ApiService(Corpus corpus, PageRenderer renderer) {
        this(corpus, renderer, Calls.TOOLS);
    }

    /** @param calls how answers point at further reading: tool calls for a model, commands for a person */
    public ApiService(Corpus corpus, PageRenderer renderer, Calls calls) {
        this.corpus = corpus;
        this.renderer = renderer;
        this.calls = calls;
    }

    /** The languages the API reference is written in ({@code curl} for HTTP), most entries first. */
    public List<String> languages() {
        Map<String, Long> counts = renderer.catalog().entriesByPage().values().stream().flatMap(List::stream)
                .collect(java.util.stream.Collectors.groupingBy(ApiEntry::language,
                        java.util.stream.Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    /** Every name of every entry, indexed when the first name is looked up. */
    private ApiNames names() {
        ApiNames built = names;
        if (built == null) {
            synchronized (this) {
                if (names == null) {
                    names = new ApiNames(renderer.catalog().entriesByPage());
                }
                built = names;
            }
        }
        return built;
    }

    /**
     * The entry (or entries, when the name is shared) {@code name} names, in {@code language} or, without one, in
     * the language the name is written in, else the HTTP form. One answer is in one language: an entry not
     * documented in it is shown in HTTP (or its only language).
     *
     * @throws NotFoundException        for an unknown name, with the closest known names
     * @throws IllegalArgumentException for a language the entry is not documented in, naming those it is
     */
    public String lookup(String name, String language) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is empty. Pass a method, endpoint or object name such as "
                    + "'createUser', 'POST /user_management/users' or 'organization_membership'.");
        }
        if (corpus.pages().isEmpty()) {
            throw CorpusUnavailableException.noPages(corpus.info());
        }
        Map<ApiNames.Target, List<ApiNames.Match>> found = names().find(name);
        if (found.isEmpty()) {
            throw new NotFoundException("No API method, endpoint or object named '" + name.strip() + "'. "
                    + "Search with `" + calls.search(null) + "` if you do not know the exact name.",
                    ClosestPaths.closest(name.strip(), names().shownNames(), 8));
        }
        boolean requested = language != null && !language.isBlank();
        String wanted = requested ? Languages.canonical(language) : writtenIn(name, found);
        boolean single = found.size() == 1;
        StringBuilder out = new StringBuilder();
        if (!single) {
            out.append("# '").append(name.strip()).append("' names ").append(found.size()).append(" API entries")
                    .append(found.size() > MAX_MATCHES ? "; the first " + MAX_MATCHES + " follow" : "")
                    .append(".\n\n");
        }
        found.keySet().stream().limit(MAX_MATCHES).forEach(target ->
                out.append(render(target, wanted, requested && single, single ? 1 : 2)).append('\n'));
        return out.toString().strip() + "\n";
    }

    /**
     * The language {@code name} is written in: HTTP for an endpoint or a language-independent id
     * ({@code create_user}); else the SDK whose own spelling it is, case included ({@code generateLink} is Node's,
     * {@code GenerateLink} .NET's), the first in {@link #PREFERENCE} when several SDKs spell it alike; else HTTP.
     */
    static String writtenIn(String name, Map<ApiNames.Target, List<ApiNames.Match>> found) {
        if (ApiNames.isEndpoint(name)) {
            return Languages.HTTP;
        }
        List<String> spelled = found.values().stream().flatMap(List::stream).filter(m -> m.spelledAs(name))
                .map(ApiNames.Match::language).distinct().toList();
        return PREFERENCE.stream().filter(spelled::contains).findFirst().orElse(Languages.HTTP);
    }

    /** The order in which a name several languages spell alike picks its language: HTTP first, then the SDKs. */
    static final List<String> PREFERENCE = List.of(Languages.HTTP, "js", "python", "ruby", "go", "java", "php",
            "dotnet");

    private String render(ApiNames.Target target, String wanted, boolean strict, int level) {
        Page page = corpus.page(target.pagePath()).orElseThrow();
        List<ApiEntry> entries = renderer.catalog().entries(page.path()).stream()
                .filter(e -> target.id().equals(e.id().isEmpty() ? e.key() : e.id())).toList();
        List<String> languages = entries.stream().map(ApiEntry::language).distinct().toList();
        String language = chooseLanguage(wanted, languages, strict, target);
        ApiEntry entry = entries.stream().filter(e -> e.language().equals(language)).findFirst().orElseThrow();
        StringBuilder out = new StringBuilder();
        out.append("#".repeat(level)).append(' ').append(page.title()).append(" (`").append(target.id())
                .append("`)\n\n");
        out.append("Page: `").append(page.path()).append("` (").append(page.url()).append(")\n");
        if (languages.size() > 1) {
            out.append("Languages: ").append(String.join(", ", languages.stream()
                    .map(l -> l.equals(language) ? "**" + l + "** (shown)" : l).toList()))
                    .append("; ").append(calls.languageOption()).append(" to switch.\n");
        }
        out.append('\n');
        String body = renderer.body(page, language);
        String entryMarkdown = renderer.reference().entry(entry);
        boolean pageIsThisEntry = renderer.catalog().entries(page.path()).stream()
                .allMatch(e -> target.id().equals(e.id().isEmpty() ? e.key() : e.id()) || e.isSharedParameter());
        // the entry with the prose around it: its section, or the whole page when the page documents only it
        String shown = Sections.containing(body, ReferenceRenderer.signature(entry))
                .map(section -> section.markdown().strip())
                .orElse(pageIsThisEntry ? body : entryMarkdown);
        out.append(Headings.withoutExplicitAnchors(Headings.demote(shown, level + 1)).strip()).append("\n\n");
        out.append("Whole page: `").append(calls.docs(page.path(), null,
                language.equals(renderer.defaultLanguage(page)) ? null : language)).append("`\n");
        return out.toString();
    }

    private static String chooseLanguage(String wanted, List<String> available, boolean strict,
                                         ApiNames.Target target) {
        if (available.contains(wanted)) {
            return wanted;
        }
        if (strict) {
            throw new IllegalArgumentException("'" + target.id() + "' is not documented in '" + wanted
                    + "'. Available languages: " + String.join(", ", available) + ".");
        }
        return available.contains(Languages.HTTP) ? Languages.HTTP : available.get(0);
    }
}
