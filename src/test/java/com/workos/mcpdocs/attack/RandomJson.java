package com.workos.mcpdocs.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random JSON-RPC pieces for the fuzz tests over HTTP and stdio. */
final class RandomJson {

    private final Random random;
    /** Put before every random object key (stdio's fuzz keeps keys from starting with a control character). */
    private final String keyPrefix;

    RandomJson(Random random, String keyPrefix) {
        this.random = random;
        this.keyPrefix = keyPrefix;
    }

    static Map<String, Object> request(Object id, String method, Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        return message;
    }

    /** A random JSON value: scalars, hostile strings, and (while {@code depth} lasts) arrays and objects. */
    Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextDouble() * 1e12;
            case 4 -> anyChars(random.nextInt(30));
            case 5 -> "../".repeat(random.nextInt(10)) + "etc/passwd";
            case 6 -> Long.MAX_VALUE;
            case 7 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(keyPrefix + anyChars(1 + random.nextInt(8)), value(depth - 1));
                }
                yield map;
            }
        };
    }

    /** Any characters, control characters included (JSON escapes them, so they never break a line). */
    String anyChars(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pool = random.nextInt(10);
            out.append((char) (pool == 0 ? random.nextInt(0x20) // control characters
                    : pool == 1 ? 0x80 + random.nextInt(0xD000) // anything in the BMP below the surrogates
                    : 0x20 + random.nextInt(0x5F)));
        }
        return out.toString();
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
