package io.tokenledger.ingest.appinsights;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dimension set of one aggregate row, by role. A dimension the gateway did not emit (or that is not configured)
 * is the empty string, never null, so that "not emitted" is one value and the bin id stays stable.
 */
record BinDimensions(String tenant, String deployment, String user, String product, String backend, String model) {

    BinDimensions {
        tenant = orEmpty(tenant);
        deployment = orEmpty(deployment);
        user = orEmpty(user);
        product = orEmpty(product);
        backend = orEmpty(backend);
        model = orEmpty(model);
    }

    /** From the query's {@code Dimensions} bag: keys are the roles ({@code tenant}, {@code deployment}, …). */
    static BinDimensions of(Map<String, String> bag) {
        return new BinDimensions(
                bag.get("tenant"),
                bag.get("deployment"),
                bag.get("user"),
                bag.get("product"),
                bag.get("backend"),
                bag.get("model"));
    }

    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("tenant", tenant);
        map.put("deployment", deployment);
        map.put("user", user);
        map.put("product", product);
        map.put("backend", backend);
        map.put("model", model);
        return map;
    }

    /**
     * 128 bits of SHA-256 over the values, each length-prefixed so that no two different sets can be spelled alike.
     */
    String digest() {
        StringBuilder canonical = new StringBuilder();
        for (String value : asMap().values()) {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
