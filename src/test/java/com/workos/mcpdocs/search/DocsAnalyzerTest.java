package com.workos.mcpdocs.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocsAnalyzerTest {

    @Test
    void camelCaseIdentifiersKeepTheOriginalAndSplitIntoWords() {
        assertThat(SearchIndex.analyze("createOrganizationMembership"))
                .contains("createorganizationmembership", "create", "organization", "membership");
    }

    @Test
    void snakeCaseCamelCaseAndPascalCaseMeetOnTheJoinedForm() {
        assertThat(SearchIndex.analyze("create_user")).contains("create_user", "createuser", "create", "user");
        assertThat(SearchIndex.analyze("createUser")).contains("createuser");
        assertThat(SearchIndex.analyze("CreateUser")).contains("createuser");
        assertThat(SearchIndex.analyze("password_hash_type")).contains("password_hash_type", "password", "hash", "type");
    }

    @Test
    void dottedEventNamesAndUrlPathsStayWholeAndSplit() {
        assertThat(SearchIndex.analyze("dsync.user.created")).contains("dsync.user.created", "dsync", "user", "create");
        assertThat(SearchIndex.analyze("POST /user_management/users"))
                .contains("post", "user_management/users", "usermanagementuser", "user", "management");
    }

    @Test
    void englishWordsAreStemmedGentlyAndStopWordsDropped() {
        assertThat(SearchIndex.analyze("how do I configure organizations"))
                .containsExactly("configure", "organization");
    }

    @Test
    void productNamesAreNotSplitAtTheirCapitals() {
        assertThat(SearchIndex.analyze("WorkOS")).doesNotContain("work", "os");
    }
}
