package com.workos.mcpdocs.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the WorkOS platform changelog as an RSS 2.0 feed into changelog entries of package {@value #PACKAGE}:
 * the item title as the version, its text with the HTML removed as the one change, the date as ISO.
 */
public final class RssFeed {

    /** The package name feed entries are filed under. */
    public static final String PACKAGE = "workos-platform";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|li|h[1-6]|tr)>|<br\\s*/?>");
    /** Numeric references longer than a code point can be are not references (and would overflow a parse). */
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,31});");
    private static final String[] RAW_TEXT_ELEMENTS = {"script", "style"};

    private RssFeed() {
    }

    /** One feed item. */
    public record Item(String title, String date, String text, String url, String guid) {
    }

    /**
     * The newest {@code keep} items.
     *
     * @throws IOException when the bytes are not a well-formed RSS 2.0 feed, saying where
     */
    public static List<Item> parse(byte[] xml, int keep) throws IOException {
        Document doc = document(xml);
        Element root = doc.getDocumentElement();
        if (!"rss".equals(root.getTagName()) || first(root, "channel") == null) {
            throw new IOException("not an RSS 2.0 feed: the document's root is <" + root.getTagName()
                    + ">, expected <rss> with a <channel>");
        }
        List<Item> items = new ArrayList<>();
        NodeList nodes = first(root, "channel").getElementsByTagName("item");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element item = (Element) nodes.item(i);
            String html = text(item, "content:encoded");
            if (html.isEmpty()) {
                html = text(item, "description");
            }
            // A title is plain text (RSS 2.0), so a '<' in it is kept rather than read as a tag.
            String title = decodeEntities(text(item, "title")).replaceAll("\\s+", " ").strip();
            items.add(new Item(title, isoDate(text(item, "pubDate")), plainText(html),
                    text(item, "link"), text(item, "guid")));
        }
        // Newest first; undated items go last in feed order.
        items.sort(Comparator.comparing((Item it) -> it.date().isEmpty() ? "" : it.date()).reversed());
        return List.copyOf(items.subList(0, Math.min(keep, items.size())));
    }

    /** The items as {@code changelogs/workos-platform.json}. */
    public static byte[] toChangelogJson(List<Item> items) {
        ArrayNode entries = JSON.createArrayNode();
        for (Item item : items) {
            ObjectNode entry = entries.addObject();
            entry.put("package", PACKAGE);
            entry.put("version", item.title());
            entry.put("date", item.date());
            entry.putArray("changes").add(item.text());
            entry.put("source", "rss");
            entry.put("url", item.url());
            entry.put("guid", item.guid());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The feed's items merged into a changelog the corpus already has: an item already there (same guid, else same
     * URL, else same title and date) is replaced by the feed's version, the other entries are kept, newest first,
     * up to {@code keep}. A feed lists only its latest items, so replacing the changelog with it would lose the rest.
     *
     * @param existing the corpus's {@code workos-platform.json}, or {@code null}
     */
    public static byte[] mergeIntoChangelog(byte[] existing, List<Item> items, int keep) {
        ArrayNode fresh = (ArrayNode) JSON.readTree(toChangelogJson(items));
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<tools.jackson.databind.JsonNode> merged = new ArrayList<>();
        for (tools.jackson.databind.JsonNode entry : fresh) {
            seen.add(identity(entry));
            merged.add(entry);
        }
        if (existing != null) {
            try {
                tools.jackson.databind.JsonNode old = JSON.readTree(existing);
                if (old instanceof ArrayNode array) {
                    for (tools.jackson.databind.JsonNode entry : array) {
                        if (entry.isObject() && seen.add(identity(entry))) {
                            merged.add(entry);
                        }
                    }
                }
            } catch (RuntimeException e) {
                // an unreadable changelog is replaced by the feed, as the corpus loader would skip it anyway
            }
        }
        // ISO dates sort as text; entries without a date go last
        merged.sort(java.util.Comparator.comparing((tools.jackson.databind.JsonNode e) -> e.path("date").asString(""),
                java.util.Comparator.reverseOrder()));
        ArrayNode out = JSON.createArrayNode();
        merged.stream().limit(keep).forEach(out::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out).getBytes(StandardCharsets.UTF_8);
    }

    private static String identity(tools.jackson.databind.JsonNode entry) {
        String guid = entry.path("guid").asString("");
        if (!guid.isEmpty()) {
            return "guid:" + guid;
        }
        String url = entry.path("url").asString("");
        return url.isEmpty() ? "entry:" + entry.path("version").asString("") + "@" + entry.path("date").asString("")
                : "url:" + url;
    }

    private static Document document(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A feed from the network must not make the parser read local files or other URLs (XXE).
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new IOException("the feed is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage() + "); check the file or URL is an RSS 2.0 feed");
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("the feed cannot be read: " + e.getMessage());
        }
    }

    private static Element first(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = first(parent, tag);
        return e == null ? "" : e.getTextContent().strip();
    }

    /** HTML to plain text: block ends become line breaks, tags go, entities are decoded, spaces collapse. */
    static String plainText(String html) {
        String text = withoutRawText(html);
        text = BLOCK_END.matcher(text).replaceAll("\n");
        text = withoutTags(text);
        text = decodeEntities(text);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String clean = line.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(clean);
            }
        }
        return out.toString();
    }

    /**
     * Removes each tag ({@code <} to the next {@code >}) in one pass. A regular expression such as {@code <[^>]*>}
     * does the same in quadratic time on a description full of {@code <} without {@code >} (every {@code <} scans to
     * the end), which let a hostile feed hold the sync for hours.
     */
    static String withoutTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        while (from < html.length()) {
            int open = html.indexOf('<', from);
            int close = open < 0 ? -1 : html.indexOf('>', open + 1);
            if (close < 0) {
                out.append(html, from, html.length()); // no tag closes after here: the rest is text
                break;
            }
            out.append(html, from, open);
            from = close + 1;
        }
        return out.toString();
    }

    /**
     * Removes {@code <script>} and {@code <style>} elements with their content, in linear time: once no closing tag
     * of a kind is found after some point, later openings of that kind are not searched again.
     */
    static String withoutRawText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int from = 0;
        int[] noCloseAfter = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        int scan = 0;
        while (true) {
            int open = html.indexOf('<', scan);
            if (open < 0) {
                break;
            }
            scan = open + 1;
            for (int kind = 0; kind < RAW_TEXT_ELEMENTS.length; kind++) {
                String name = RAW_TEXT_ELEMENTS[kind];
                int after = open + 1 + name.length();
                if (!html.regionMatches(true, open + 1, name, 0, name.length())
                        || (after < html.length() && Character.isLetterOrDigit(html.charAt(after)))
                        || open >= noCloseAfter[kind]) {
                    continue;
                }
                int end = closingTag(html, name, after);
                if (end < 0) {
                    noCloseAfter[kind] = open;
                    continue;
                }
                out.append(html, from, open);
                from = end;
                scan = end;
                break;
            }
        }
        out.append(html, Math.min(from, html.length()), html.length());
        return out.toString();
    }

    /** The index just past {@code </name>} (spaces allowed before the {@code >}) from {@code from}, or -1. */
    private static int closingTag(String html, String name, int from) {
        for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
            if (html.regionMatches(true, at + 2, name, 0, name.length())) {
                int p = at + 2 + name.length();
                while (p < html.length() && Character.isWhitespace(html.charAt(p))) {
                    p++;
                }
                if (p < html.length() && html.charAt(p) == '>') {
                    return p + 1;
                }
            }
        }
        return -1;
    }

    private static String decodeEntities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#")) {
                boolean hex = name.startsWith("#x") || name.startsWith("#X");
                int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                // Not a character (0, a surrogate, beyond Unicode): kept as written rather than failing the feed.
                replacement = codePoint == 0 || !Character.isValidCodePoint(codePoint)
                        || (codePoint >= 0xD800 && codePoint <= 0xDFFF) ? m.group()
                        : new String(Character.toChars(codePoint));
            } else {
                replacement = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "mdash" -> "—";
                    case "ndash" -> "–";
                    case "hellip" -> "…";
                    case "rsquo", "lsquo" -> "'";
                    case "rdquo", "ldquo" -> "\"";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** RFC 822 dates as RSS writes them (and ISO, which some feeds use), to {@code yyyy-MM-dd} in UTC. */
    static String isoDate(String date) {
        if (date.isBlank()) {
            return "";
        }
        String d = date.strip();
        // The day of the week is redundant, and a feed that gets it wrong must not lose the date: parse without it.
        d = d.replaceFirst("^[A-Za-z]{3,9},\\s*", "");
        try {
            return ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // not RFC 1123; try the other common shapes
        }
        try {
            return OffsetDateTime.parse(d).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // not an ISO date-time
        }
        try {
            return ZonedDateTime.parse(d, DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH))
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // e.g. "GMT" spelled as a zone name
        }
        try {
            return LocalDate.parse(d.length() >= 10 ? d.substring(0, 10) : d).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
