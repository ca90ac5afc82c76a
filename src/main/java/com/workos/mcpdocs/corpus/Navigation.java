package com.workos.mcpdocs.corpus;

import java.util.List;

/**
 * The sidebar of one area of the docs, from its {@code _navigation.mdx}.
 *
 * @param area  the top-level folder, e.g. {@code sso}
 * @param title the area's title, e.g. {@code Single Sign-On}
 * @param links the sidebar entries in order
 */
public record Navigation(String area, String title, List<NavLink> links) {
    public Navigation {
        links = List.copyOf(links);
    }
}
