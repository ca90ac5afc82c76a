/**
 * MDX to clean Markdown for a language model: frontmatter turned into a header, JSX components into their Markdown
 * meaning, relative links made absolute, and the API reference frontmatter into signatures and parameter tables.
 * In: the {@code corpus}. Out: Markdown text, whole pages or sections.
 */
package com.workos.mcpdocs.render;
