package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocsAnalyzerTest {

    @Test
    void camelCaseIdentifiersKeepTheOriginalAndSplitIntoWords() {
        assertThat(analyze("createOrganizationMembership"))
                .contains("createorganizationmembership", "create", "organization", "membership");
    }

    @Test
    void snakeCaseCamelCaseAndPascalCaseMeetOnTheJoinedForm() {
        assertThat(analyze("create_user")).contains("create_user", "createuser", "create", "user");
        assertThat(analyze("createUser")).contains("createuser");
        assertThat(analyze("CreateUser")).contains("createuser");
        assertThat(analyze("password_hash_type")).contains("password_hash_type", "password", "hash", "type");
    }

    @Test
    void dottedEventNamesAndUrlPathsStayWholeAndSplit() {
        assertThat(analyze("dsync.user.created")).contains("dsync.user.created", "dsync", "user", "create");
        assertThat(analyze("POST /user_management/users"))
                .contains("post", "user_management/users", "usermanagementuser", "user", "management");
    }

    @Test
    void englishWordsAreStemmedGentlyAndStopWordsDropped() {
        assertThat(analyze("how do I configure organizations"))
                .containsExactly("configure", "organization");
    }

    @Test
    void productNamesAreNotSplitAtTheirCapitals() {
        assertThat(analyze("WorkOS")).doesNotContain("work", "os");
    }

    private static java.util.List<String> analyze(String text) {
        return Analysis.terms(new DocsAnalyzer(false), Fields.BODY, text).stream().distinct().toList();
    }
}
