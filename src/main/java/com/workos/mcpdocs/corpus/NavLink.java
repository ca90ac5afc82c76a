package com.workos.mcpdocs.corpus;

import java.util.List;

/**
 * An entry of a sidebar: a link to a page, or a titled group of links (or both).
 *
 * @param title    as shown in the sidebar
 * @param path     the page path the entry links to, without the leading slash; empty for a pure group
 * @param children nested entries
 */
public record NavLink(String title, String path, List<NavLink> children) {
    public NavLink {
        children = List.copyOf(children);
    }
}
