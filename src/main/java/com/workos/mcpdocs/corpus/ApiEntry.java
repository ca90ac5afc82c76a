package com.workos.mcpdocs.corpus;

import java.util.List;

/**
 * One entry of a reference page's {@code reference:} frontmatter: an endpoint ({@code curl}), an SDK method in one
 * language, or an object's shape.
 *
 * @param pagePath   the page it lives on
 * @param language   {@code curl}, {@code js}, {@code python}, {@code ruby}, {@code go}, {@code php}, {@code java},
 *                   {@code dotnet}, {@code json}...
 * @param key        the name in that language ({@code createUser}, {@code create_user})
 * @param id         the language-independent id ({@code create_user})
 * @param url        the docs URL path it documents
 * @param title      the signature title: the HTTP path for curl ({@code /user_management/users}), the call for SDKs
 *                   ({@code userManagement.createUser()})
 * @param httpMethod {@code GET}, {@code POST}... for curl entries, else empty
 * @param parameters the parameters in order
 * @param returns    the return values
 * @param properties the properties of an object entry
 */
public record ApiEntry(String pagePath, String language, String key, String id, String url, String title,
                       String httpMethod, List<ApiParameter> parameters, List<ApiParameter> returns,
                       List<ApiParameter> properties) {
    public ApiEntry {
        parameters = List.copyOf(parameters);
        returns = List.copyOf(returns);
        properties = List.copyOf(properties);
    }

    /** Whether this is an HTTP endpoint (a curl entry with a method). */
    public boolean isEndpoint() {
        return !httpMethod.isEmpty();
    }
}
