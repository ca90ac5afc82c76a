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
 * @param type        the declared type of a shared-parameter entry ({@code number} for pagination's {@code limit},
 *                    {@code context.Context} for Go's {@code ctx}), else empty
 * @param description the description of a shared-parameter entry, often a placeholder, else empty
 * @param optional    whether a shared parameter may be left out
 */
public record ApiEntry(String pagePath, String language, String key, String id, String url, String title,
                       String httpMethod, List<ApiParameter> parameters, List<ApiParameter> returns,
                       List<ApiParameter> properties, String type, String description, boolean optional) {
    public ApiEntry {
        parameters = List.copyOf(parameters);
        returns = List.copyOf(returns);
        properties = List.copyOf(properties);
    }

    /**
     * Whether this is an object's shape, such as {@code User}: properties and no call. (An endpoint may list its
     * body fields as properties too.)
     */
    public boolean isObject() {
        return !properties.isEmpty() && parameters.isEmpty() && !isEndpoint();
    }

    /**
     * Whether this entry only defines a parameter shared by many calls (pagination's {@code limit}, Go's
     * {@code ctx}): no signature, parameters or properties of its own.
     */
    public boolean isSharedParameter() {
        return title.isEmpty() && parameters.isEmpty() && returns.isEmpty() && properties.isEmpty()
                && !isEndpoint();
    }

    /** This entry seen as a parameter (for a shared-parameter entry). */
    public ApiParameter asParameter() {
        return new ApiParameter(key, type, optional, description, false, List.of());
    }

    /** Whether this is an HTTP endpoint (a curl entry with a method). */
    public boolean isEndpoint() {
        return !httpMethod.isEmpty();
    }
}
