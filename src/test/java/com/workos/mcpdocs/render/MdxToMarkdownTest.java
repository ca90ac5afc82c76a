package com.workos.mcpdocs.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden tests: each component kind of the corpus and its Markdown meaning. */
class MdxToMarkdownTest {

    private static final String PAGE = "https://workos.com/docs/sso/login-flows";

    private static String convert(String mdx) {
        return new MdxToMarkdown(PAGE, id -> "REFERENCE(" + id + ")").convert(mdx);
    }

    @Test
    void calloutBecomesAQuoteWithItsKind() {
        assertThat(convert("""
                <Callout type="warning">
                  Redirect URIs in production cannot use **HTTP**.

                  Use HTTPS.
                </Callout>
                """)).isEqualTo("> **Warning:** Redirect URIs in production cannot use **HTTP**.\n>\n> Use HTTPS.");
        assertThat(convert("<Callout>Plain.</Callout>")).isEqualTo("> **Note:** Plain.");
    }

    @Test
    void codeBlockWithoutShippedFilesBecomesAOneLineNote() {
        assertThat(convert("""
                <CodeBlock title="Get Authorization URL" file="get-authorization-url">
                  <CodeBlockTab language="js" file="a" title="Next.js" />
                </CodeBlock>
                """)).isEqualTo("_(Code example not included in the docs corpus: Get Authorization URL)_");
        assertThat(convert("""
                <CodeBlock>
                  <CodeBlockTab title="Server-side" file="x" />
                  <CodeBlockTab title="Client-side" file="y" />
                </CodeBlock>""")).isEqualTo("_(Code example not included in the docs corpus: Server-side, Client-side)_");
        assertThat(convert("Before\n\n<CodeBlock file=\"x\" />\n\nAfter")).isEqualTo("Before\n\nAfter");
    }

    @Test
    void codeBlockWithAReferenceIdStandsForTheApiEntry() {
        assertThat(convert("<CodeBlock referenceId=\"create_user\">\n  <CodeBlockTab file=\"r\" />\n</CodeBlock>"))
                .isEqualTo("REFERENCE(create_user)");
    }

    @Test
    void eventBecomesItsNameAndWhatTriggersIt() {
        assertThat(convert("""
                <Event.Root mt="5">
                  <Event.Details name="authentication.mfa_failed" comingSoon>
                    <CodeBlock title="MFA failed event" file="event-mfa-failed" />
                  </Event.Details>
                  <Event.Description>
                    Triggered when a user fails
                    MFA.
                  </Event.Description>
                </Event.Root>
                """)).isEqualTo("- `authentication.mfa_failed` (coming soon): Triggered when a user fails MFA.");
    }

    @Test
    void exampleAppsBecomeALinkList() {
        assertThat(convert("""
                <ExampleApps.Root>
                  <ExampleApps.Card
                    href="https://github.com/workos/node-example-applications"
                    title="Node.js app"
                  />
                  <ExampleApps.Card href="/sso/example-apps" title="Ruby app" />
                </ExampleApps.Root>
                """)).isEqualTo("- [Node.js app](https://github.com/workos/node-example-applications)\n"
                + "- [Ruby app](https://workos.com/docs/sso/example-apps)");
    }

    @Test
    void glossaryMarkerGoesBadgeAndLanguageSelectorKeepTheirText() {
        // the glossary's letter dividers would end the previous term's section with a stray letter
        assertThat(convert("<GlossaryMarker>A</GlossaryMarker>\n\n## Access Token")).isEqualTo("## Access Token");
        assertThat(convert("Marked as <Badge color=\"gray\" size=\"2\"><Spinner size=\"1\" /> In progress</Badge> now."))
                .isEqualTo("Marked as **In progress** now.");
        assertThat(convert("<LanguageSelector>\n  Install the SDK.\n\n  <CodeBlock title=\"Install\" file=\"i\" />\n"
                + "</LanguageSelector>")).isEqualTo("Install the SDK.\n\n_(Code example not included in the docs corpus: Install)_");
    }

    @Test
    void tabsBecomeLabelledSubSections() {
        assertThat(convert("""
                <Tabs>
                  <Tab title="Node.js">Use `npm`.</Tab>
                  <Tab title="Ruby">Use `gem`.</Tab>
                </Tabs>
                """)).isEqualTo("**Node.js**\n\nUse `npm`.\n\n**Ruby**\n\nUse `gem`.");
        assertThat(convert("""
                Options:

                - | Using organization ID

                  Pass the organization.

                  <CodeBlock title="Endpoint" file="e" />

                - | Using provider

                  Pass the provider.
                """)).isEqualTo("Options:\n\n**Using organization ID**\n\nPass the organization.\n\n"
                + "_(Code example not included in the docs corpus: Endpoint)_\n\n**Using provider**\n\nPass the provider.");
        assertThat(convert("- $ backend=\"nodejs, ruby\"\n\n  Install the SDK.\n\nDone."))
                .isEqualTo("**For backend: nodejs, ruby**\n\nInstall the SDK.\n\nDone.");
    }

    @Test
    void propsTableWhoseDataIsNotShippedSaysSo() {
        assertThat(convert("## API Reference\n\n<PropsTable data={widgets.pipes.props} />"))
                .isEqualTo("## API Reference\n\n_The props table of this component is not included in the docs corpus._");
    }

    @Test
    void unknownComponentsKeepTheirTextAndSelfClosingOnesGo() {
        assertThat(convert("<DeprecationNotice kind=\"x\">Magic Link is **deprecated**.</DeprecationNotice>"))
                .isEqualTo("Magic Link is **deprecated**.");
        assertThat(convert("Before\n\n<DirectorySyncDiagram.UserCreated />\n\n<ProviderIconsGrid\n  icons={assets.icons}\n/>\n\nAfter"))
                .isEqualTo("Before\n\nAfter");
    }

    @Test
    void htmlElementsBecomeMarkdownAndStylesGo() {
        assertThat(convert("<strong>CSRF:</strong> use <code>csrf-csrf</code>{' '}and <em>always</em> "
                + "<a href=\"/sso\">SSO</a>.")).isEqualTo("**CSRF:** use `csrf-csrf` and *always* [SSO](https://workos.com/docs/sso).");
        assertThat(convert("<style>{`\n .tight p { margin: 0; }\n`}</style>\n\n<div class=\"tight\">\n\n- item\n\n</div>"))
                .isEqualTo("- item");
    }

    @Test
    void importsExportsAndCommentsGo() {
        assertThat(convert("import { Foo } from './foo';\nexport const meta = {};\n\nText {/* a note for authors */} here."))
                .isEqualTo("Text  here.");
    }

    @Test
    void relativeLinksAndImagesBecomeAbsolute() {
        assertThat(convert("See [users](/reference/authkit/user), [domains](reference/organization-domain), "
                + "[below](#idp-initiated), [next](./redirect-uris), [mail](mailto:a@b.c) and "
                + "![Diagram](/images/flow.png)[border=false]."))
                .isEqualTo("See [users](https://workos.com/docs/reference/authkit/user), "
                        + "[domains](https://workos.com/docs/reference/organization-domain), "
                        + "[below](https://workos.com/docs/sso/login-flows#idp-initiated), "
                        + "[next](https://workos.com/docs/sso/redirect-uris), [mail](mailto:a@b.c) and "
                        + "![Diagram](https://workos.com/docs/images/flow.png).");
    }

    @Test
    void headingsKeepTheSiteAnchors() {
        assertThat(convert("## Authentication events {{ \"url\": \"authentication\" }}\n\nText\n\n"
                + "## Introduction {{ \"visibility\": \"no-quick-nav\" }}\n"))
                .isEqualTo("## Authentication events {#authentication}\n\nText\n\n## Introduction");
    }

    @Test
    void codeIsLeftExactlyAsWritten() {
        String fence = "```jsx\n<AuthKitProvider clientId={id}>\n  {/* keep */}\n</AuthKitProvider>\n```";
        assertThat(convert("Wrap it:\n\n" + fence + "\n\nSet `devMode` on `<AuthKitProvider />` and "
                + "`https://<authkit_domain>/device`."))
                .isEqualTo("Wrap it:\n\n" + fence + "\n\nSet `devMode` on `<AuthKitProvider />` and "
                        + "`https://<authkit_domain>/device`.");
    }

    @Test
    void textThatIsNotATagStaysText() {
        assertThat(convert("If a < b and x <your domain> then 2 > 1.")).isEqualTo("If a < b and x <your domain> then 2 > 1.");
        assertThat(convert("A stray </Callout> closing tag is dropped.")).isEqualTo("A stray  closing tag is dropped.");
    }

    @Test
    void diffMarkersLeaveTheCode() {
        assertThat(convert("```js\nconst a = 1;\n  /* +diff-start */\n  const b = 2;\n  /* +diff-end */\n```"))
                .isEqualTo("```js\nconst a = 1;\n  const b = 2;\n```");
        assertThat(convert("```plain\nA=1\n\n# +diff-start\nB=2\n# +diff-end\n```")).isEqualTo("```plain\nA=1\n\nB=2\n```");
    }

    @Test
    void linksWhoseTextIsCodeOrBrokenOverLinesAreWholeAndAbsolute() {
        assertThat(convert("Intents: [`sso`](/admin-portal/sso), or [see `dsync` here](../dsync)."))
                .isEqualTo("Intents: [`sso`](https://workos.com/docs/admin-portal/sso), or [see `dsync` here]"
                        + "(https://workos.com/docs/dsync).");
        assertThat(convert("Use the [authenticate with refresh token\n](/reference/authkit/refresh) call."))
                .isEqualTo("Use the [authenticate with refresh token](https://workos.com/docs/reference/authkit/refresh) call.");
    }
}
