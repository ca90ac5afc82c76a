package com.workos.mcpdocs.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON text as plain Java values (maps keep their order, lists, strings, numbers, booleans, null), the way Jackson's
 * data binding reads it into {@code Map<String, Object>}, with the streaming parser alone: the first frontmatter
 * read in a server then costs no object mapper to set up (a tenth of a second on a cold JVM).
 */
final class JsonValues {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonValues() {
    }

    /** The object {@code json} holds. */
    static Map<String, Object> object(String json) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            return object(p);
        }
    }

    /** The object the UTF-8 text {@code json} holds. */
    static Map<String, Object> object(byte[] json) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
            return object(p);
        }
    }

    private static Map<String, Object> object(JsonParser p) {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new StreamReadException(p, "expected a JSON object, got " + first);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value(p, first);
        if (p.nextToken() != null) {
            throw new StreamReadException(p, "more than one JSON value");
        }
        return object;
    }

    private static Object value(JsonParser p, JsonToken token) {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    object.put(name, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new StreamReadException(p, "unexpected " + token);
        }
    }
}
