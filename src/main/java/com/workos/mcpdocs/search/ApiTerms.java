package com.workos.mcpdocs.search;

import com.workos.mcpdocs.corpus.ApiEntry;
import com.workos.mcpdocs.corpus.ApiParameter;
import com.workos.mcpdocs.corpus.ApiReference;
import com.workos.mcpdocs.corpus.Page;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names under which a reference page's methods and endpoints are known, across every SDK language:
 * {@code createUser}, {@code create_user}, {@code userManagement.createUser()}, {@code POST /user_management/users},
 * and the names of their parameters.
 */
final class ApiTerms {

    private ApiTerms() {
    }

    /** Method, endpoint and object names, one per line. */
    static String names(Page page) {
        Set<String> names = new LinkedHashSet<>();
        for (ApiEntry entry : ApiReference.entries(page)) {
            names.add(entry.key());
            names.add(entry.id());
            String call = entry.title().replace("()", "");
            names.add(call);
            // The method name alone (DeleteOrganization of organizationsService.DeleteOrganization()), as code
            // that calls it through a variable names it.
            names.add(call.replaceFirst("^.*(\\.|->|::)", ""));
            if (entry.isEndpoint()) {
                names.add(entry.httpMethod() + " " + entry.title());
            }
        }
        names.remove("");
        return String.join("\n", names);
    }

    /** Parameter and property names, one per line. */
    static String parameters(Page page) {
        Set<String> names = new LinkedHashSet<>();
        for (ApiEntry entry : ApiReference.entries(page)) {
            collect(entry.parameters(), names);
            collect(entry.properties(), names);
        }
        names.remove("");
        return String.join("\n", names);
    }

    private static void collect(List<ApiParameter> parameters, Set<String> names) {
        for (ApiParameter p : parameters) {
            names.add(p.key());
            collect(p.properties(), names);
        }
    }
}
