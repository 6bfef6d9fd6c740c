package io.github.clickstream.appliance.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API keys the service accepts, held only as SHA-256 hashes. A key is configured as one line
 * {@code name:role:sha256-hex} (lines or commas separate keys, {@code #} starts a comment); {@link
 * #generate} makes a new token and its line. Tokens are 32 random bytes, so a plain SHA-256 (not a
 * slow password hash) is enough to make the configured hashes useless to whoever reads them.
 */
public final class ApiKeys {

    /** A configured key: the name shown in logs instead of the token, and what it may do. */
    public record Key(String name, ApiRole role) {}

    /** A newly generated key: the token to hand out once and the line to configure. */
    public record NewKey(String token, String configLine) {}

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Key> byHash;

    private ApiKeys(Map<String, Key> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** Parses the configured keys; every mistake is reported with its line. */
    public static ApiKeys parse(String config) {
        Map<String, Key> byHash = new HashMap<>();
        Set<String> names = new HashSet<>();
        String[] entries = config.split("[,\\n]");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].replaceFirst("#.*", "").strip();
            if (entry.isEmpty()) {
                continue;
            }
            Map.Entry<String, Key> key = parseEntry(entry, i + 1);
            if (!names.add(key.getValue().name()) || byHash.containsKey(key.getKey())) {
                throw new IllegalArgumentException(
                        "API key entry " + (i + 1) + ": name or hash is configured twice");
            }
            byHash.put(key.getKey(), key.getValue());
        }
        return new ApiKeys(byHash);
    }

    /** A fresh random token for {@code name} with {@code role}. */
    public static NewKey generate(String name, ApiRole role) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String line = name + ":" + role.name().toLowerCase(Locale.ROOT) + ":" + hash(token);
        parse(line); // validates the name and role
        return new NewKey(token, line);
    }

    /** The key a presented token belongs to, if any. */
    public Optional<Key> find(String token) {
        return Optional.ofNullable(byHash.get(hash(token)));
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    public int size() {
        return byHash.size();
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Map.Entry<String, Key> parseEntry(String entry, int number) {
        String[] parts = entry.split(":", -1);
        String where = "API key entry " + number + " ";
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    where + "must be name:role:sha256-hex (generate one with `appliance api-key`)");
        }
        String name = parts[0].strip();
        String hash = parts[2].strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    where + "has a bad name: use 1-64 letters, digits, '.', '_' or '-'");
        }
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException(
                    where + "(" + name + ") needs the 64-hex-digit SHA-256 of the token");
        }
        try {
            return Map.entry(hash, new Key(name, ApiRole.ofKey(parts[1])));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "(" + name + "): " + e.getMessage(), e);
        }
    }
}
