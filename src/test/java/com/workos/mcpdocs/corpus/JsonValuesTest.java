package com.workos.mcpdocs.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workos.mcpdocs.RealCorpus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The streaming reader of frontmatter gives what Jackson's data binding gives, value for value and type for type. */
class JsonValuesTest {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    @Test
    void readsEveryFrontmatterOfTheEmbeddedCorpusAsDataBindingDoes() throws java.io.IOException {
        Corpus corpus = RealCorpus.load();
        int compared = 0;
        for (Page page : corpus.pages()) {
            if (page.frontmatter() instanceof LazyFrontmatter lazy && lazy.source().length != 0) {
                Map<String, Object> expected = MAPPER.readValue(lazy.source(), MAP);
                assertThat(JsonValues.object(lazy.source())).as(page.path()).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void keepsTypesOrderAndNulls() {
        String json = "{\"b\":1,\"a\":[2147483648,12345678901234567890,1.5,-0.0,true,false,null,\"x\\u00e9\"],"
                + "\"c\":{\"z\":{},\"y\":[]},\"n\":null}";
        Map<String, Object> read = JsonValues.object(json);
        assertThat(read).isEqualTo(MAPPER.readValue(json, MAP));
        assertThat(read.keySet()).containsExactly("b", "a", "c", "n");
        assertThat(((java.util.List<?>) read.get("a")).get(0)).isInstanceOf(Long.class);
        assertThat(read.get("b")).isInstanceOf(Integer.class);
        assertThat(JsonValues.object(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(read);
    }

    @Test
    void refusesWhatIsNotOneObject() {
        for (String bad : new String[] {"[]", "1", "{\"a\":1} {}", "{\"a\":", "{'a':1}"}) {
            assertThatThrownBy(() -> JsonValues.object(bad)).as(bad).isInstanceOf(JacksonException.class);
        }
    }
}
