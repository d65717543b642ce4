package io.scenelog.edge.api;

import io.scenelog.edge.http.ApiException;
import io.scenelog.edge.http.ErrorCode;
import io.scenelog.model.ApiKeyRecord;
import io.scenelog.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys of server-side principals, kept hashed on the compacted {@code api-keys} topic (every edge instance
 * follows it). A key reads {@code slk_<key id, 32 hex>_<secret, 43 base64url chars>}: the id finds the record, the
 * secret (256 random bits) is compared by its SHA-256 in constant time. The key text exists only in the response
 * that creates it.
 */
final class ApiKeys {

    /** Who created the first admin key. */
    static final String BOOTSTRAP_CREATOR = "scenelog up";
    private static final String PREFIX = "slk_";
    private static final int SECRET_BYTES = 32;
    /** Where the secret starts: after the prefix, 32 hex digits of the id and '_' (base64url may contain '_'). */
    private static final int SECRET_OFFSET = PREFIX.length() + 32 + 1;

    private final Platform platform;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(Platform platform) {
        this.platform = platform;
    }

    /** A created key: its record and the key text, to be shown once. */
    record Created(ApiKeyRecord record, String key) {
    }

    /**
     * Creates a key.
     *
     * @throws ApiException ALREADY_EXISTS when an active key has the name
     */
    Created create(String name, Role role, UUID sceneIdOrNull, String createdBy) {
        awaitView();
        if (active(name).isPresent()) {
            throw new ApiException(ErrorCode.ALREADY_EXISTS, "An active API key is named '" + name + "'; revoke it"
                    + " first or choose another name", Map.of("name", name));
        }
        UUID keyId = UUID.randomUUID();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKeyRecord record = ApiKeyRecord.newBuilder()
                .setKeyId(keyId)
                .setName(name)
                .setRole(role)
                .setSceneId(sceneIdOrNull)
                .setSecretSha256(sha256(secretText))
                .setCreatedAt(platform.clock().instant())
                .setCreatedBy(createdBy)
                .setRevokedAt(null)
                .build();
        platform.gateway().write(record);
        awaitView();
        return new Created(record, PREFIX + keyId.toString().replace("-", "") + "_" + secretText);
    }

    /**
     * Creates the first admin key when there has never been any key (the first start of {@code up}).
     *
     * @return the key text to print once, or empty when keys exist already
     */
    Optional<String> createFirstAdminKey() {
        awaitView();
        if (platform.apiKeys().size() > 0) {
            return Optional.empty();
        }
        return Optional.of(create("admin", Role.ADMIN, null, BOOTSTRAP_CREATOR).key());
    }

    /**
     * The active key a key text stands for.
     *
     * @throws ApiException UNAUTHENTICATED for a malformed, unknown, revoked or wrong key (one message for all)
     */
    ApiKeyRecord authenticate(String keyText) {
        Optional<ApiKeyRecord> record = parseId(keyText).flatMap(id -> platform.apiKeys().get(id.toString()))
                .filter(found -> found.getRevokedAt() == null)
                .filter(found -> MessageDigest.isEqual(
                        found.getSecretSha256().getBytes(StandardCharsets.US_ASCII),
                        sha256(keyText.substring(SECRET_OFFSET)).getBytes(StandardCharsets.US_ASCII)));
        return record.orElseThrow(() -> ApiException.unauthenticated(
                "The API key is not valid (malformed, unknown or revoked)"));
    }

    /** Every active key, in creation order. */
    List<ApiKeyRecord> active() {
        return platform.apiKeys().values().stream().filter(key -> key.getRevokedAt() == null)
                .sorted(Comparator.comparing(ApiKeyRecord::getCreatedAt)
                        .thenComparing(key -> key.getKeyId().toString()))
                .toList();
    }

    /**
     * Revokes a key.
     *
     * @throws ApiException NOT_FOUND when there is no active key with that id
     */
    void revoke(UUID keyId) {
        ApiKeyRecord key = platform.apiKeys().get(keyId.toString()).filter(found -> found.getRevokedAt() == null)
                .orElseThrow(() -> ApiException.notFound("No active API key " + keyId));
        platform.gateway().write(ApiKeyRecord.newBuilder(key).setRevokedAt(platform.clock().instant()).build());
        awaitView();
    }

    private Optional<ApiKeyRecord> active(String name) {
        return platform.apiKeys().values().stream()
                .filter(key -> key.getRevokedAt() == null && key.getName().equals(name))
                .findFirst();
    }

    private void awaitView() {
        platform.catchUp(platform.apiKeys());
    }

    private static Optional<UUID> parseId(String keyText) {
        if (keyText == null || !keyText.startsWith(PREFIX) || keyText.length() != PREFIX.length() + 32 + 1 + 43
                || keyText.charAt(PREFIX.length() + 32) != '_') {
            return Optional.empty();
        }
        String hex = keyText.substring(PREFIX.length(), PREFIX.length() + 32);
        if (!hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.empty();
        }
        return Optional.of(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
