package com.workos.mcpdocs.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.workos.mcpdocs.corpus.Corpus;
import com.workos.mcpdocs.corpus.CorpusInfo;
import com.workos.mcpdocs.corpus.Page;
import com.workos.mcpdocs.library.CorpusLoader;
import com.workos.mcpdocs.source.ContentTree;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the API reference rendered from frontmatter, over a small corpus whose placeholders and shared
 * parameters are defined on other pages than where they are used.
 */
class ReferenceRenderingTest {

    static Corpus corpus;
    static PageRenderer renderer;

    @BeforeAll
    static void load() throws Exception {
        corpus = CorpusLoader.load(ContentTree.fromDirectory(Path.of("src/test/resources/render-fixture")),
                new CorpusInfo("render fixture", "test", "2026-01-01"));
        renderer = PageRenderer.of(corpus);
    }

    private static Page page(String path) {
        return corpus.page(path).orElseThrow();
    }

    @Test
    void endpointRendersSignatureParameterTableAndReturnedFieldsWithoutRepeatingTheTitle() {
        assertThat(renderer.render(page("reference/authkit/user/list"), "curl")).isEqualTo("""
                # List users

                Source: https://workos.com/docs/reference/authkit/user/list

                Languages: **curl** (shown), go; pass `language` to switch.

                Get a list of all of your existing users.

                **`GET /user_management/users`**

                | Parameter | Type | Required | Description |
                |---|---|---|---|
                | `email` | `string` | no | Filter users by their email. |
                | `limit` | `number` | no | Upper limit on the number of objects to return, between `1` and `100`. |

                Returns:

                | Field | Type | Required | Description |
                |---|---|---|---|
                | `data` | `array` | yes | `list_users.undocumented` |
                | `list_metadata` | `object` | yes |  |
                | `list_metadata.after` | `string` | no | An object ID that defines your place in the list. |
                """);
    }

    @Test
    void sdkEntryRendersTheCallNestedOptionsAndEveryReturnValue() {
        assertThat(renderer.body(page("reference/authkit/user/list"), "go")).isEqualTo("""
                ## List users

                Get a list of all of your existing users.

                Go: **`usermanagement.ListUsers()`**

                | Parameter | Type | Required | Description |
                |---|---|---|---|
                | `ctx` | `context.Context` | yes | The context of the call. |
                | `opts` | `usermanagement.ListUsersOpts` | yes |  |
                | `opts.ID` | `string` | yes | The unique ID of the user. |

                Returns:
                - `list` (`usermanagement.ListUsersResponse`): A page of users.
                - `err` (`error`): The error, if any.""");
    }

    @Test
    void objectPageRendersItsPropertiesWithVariantPlaceholdersResolved() {
        assertThat(renderer.body(page("reference/authkit/user"), "curl")).isEqualTo("""
                # User

                Represents a user identity in your application.

                Object: **`user`**

                | Property | Type | Required | Description |
                |---|---|---|---|
                | `id` | `string` | yes | The unique ID of the user. |
                | `email` | `string` | yes | The email address of the user. |
                | `first_name` | `string` | no | The first name of the user. |
                | `state` | `"active" \\| "inactive"` | yes | The state of the user, `active` or `inactive`. |""");
        assertThat(renderer.body(page("reference/authkit/user"), "js"))
                .contains("Node.js object: **`interface User`**", "| `firstName` | `string` | no | The first name of the user. |");
    }

    @Test
    void sharedParametersAreListedOnThePageThatDefinesThem() {
        assertThat(renderer.body(page("reference/pagination"), "curl")).endsWith("""
                **Shared parameters**

                | Parameter | Type | Required | Description |
                |---|---|---|---|
                | `limit` | `number` | no | Upper limit on the number of objects to return, between `1` and `100`. |
                | `after` | `string` | no | An object ID that defines your place in the list. For example, pass `after="obj_123"` to fetch the next batch. |""");
    }

    @Test
    void placeholdersResolveAcrossPagesAndUnresolvableOnesShowTheirName() {
        ReferenceCatalog catalog = renderer.catalog();
        assertThat(catalog.describe("(user.email)")).isEqualTo("The email address of the user.");
        assertThat(catalog.describe("(user.state)")).isEqualTo("The state of the user, `active` or `inactive`.");
        assertThat(catalog.describe("(user.state.titlecase)")).isEqualTo("The state of the user, `Active` or `Inactive`.");
        assertThat(catalog.describe("(user.nickname)")).isEqualTo("`user.nickname`");
        assertThat(catalog.describe("Optional (defaults to none).")).isEqualTo("Optional (defaults to none).");
    }

    @Test
    void languagesComeInFrontmatterOrderWithHttpAsTheDefault() {
        assertThat(renderer.languages(page("reference/authkit/user/list"))).containsExactly("curl", "go");
        assertThat(renderer.defaultLanguage(page("reference/authkit/user/list"))).isEqualTo("curl");
        assertThat(Languages.canonical("Node")).isEqualTo("js");
        assertThat(Languages.canonical("golang")).isEqualTo("go");
    }
}
