package io.scenelog.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenelog.livelink.client.PlatformRest;
import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a tool's bearer tokens come from: a token given as is ({@code --token}), or minted on this machine from the
 * platform's token key ({@code --token-key-file}), or exchanged for an API key at the REST edge ({@code --api-key}).
 * Minting from the key is the local-machine path: whoever reads the key can mint any role, so deployments hand tools
 * a token or an API key.
 */
public sealed interface TokenSource {

    /**
     * The token the tool acts with.
     *
     * @param clientId the principal (the token's subject)
     * @param role     the role needed
     * @param sceneId  the one scene the token is for, or null for a token not scoped to a scene (creating a scene
     *                 through REST needs one)
     * @param ttl      how long it must stay valid
     */
    String token(String clientId, Role role, UUID sceneId, Duration ttl);

    /** The subject the token names, when it is fixed by the source (a given token), to use as the client id. */
    Optional<String> subject();

    /** A token given on the command line; its role is whatever it was minted with. */
    record Given(String token) implements TokenSource {

        @Override
        public String token(String clientId, Role role, UUID sceneId, Duration ttl) {
            return token;
        }

        /** The {@code sub} claim, read without verifying (platform-streams verifies). */
        @Override
        public Optional<String> subject() {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--token is not a JWT (three dot-separated parts)");
            }
            try {
                JsonNode claims = new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                        StandardCharsets.UTF_8));
                JsonNode sub = claims.get("sub");
                return sub != null && sub.isTextual() ? Optional.of(sub.asText()) : Optional.empty();
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("--token has unreadable claims: " + e.getMessage(), e);
            }
        }
    }

    /** Tokens minted from the platform's key file (written by {@code scenelog up} under its data directory). */
    record Minted(TokenKey key) implements TokenSource {

        /**
         * Reads the key file.
         *
         * @throws IllegalArgumentException naming the option when the file cannot be read or holds no key
         */
        public static Minted fromFile(Path file) {
            try {
                return new Minted(TokenKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--token-key-file " + file + " cannot be read: " + e.getMessage()
                        + " (scenelog up prints where its key is)", e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--token-key-file " + file + " holds no token key: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String token(String clientId, Role role, UUID sceneId, Duration ttl) {
            Duration bounded = ttl.compareTo(TokenIssuer.MAX_TTL) > 0 ? TokenIssuer.MAX_TTL : ttl;
            TokenClaims claims = TokenClaims.of(clientId, role);
            return new TokenIssuer(key, Clock.systemUTC())
                    .issue(sceneId == null ? claims : claims.forScene(sceneId), bounded);
        }

        @Override
        public Optional<String> subject() {
            return Optional.empty();
        }
    }

    /**
     * Tokens exchanged for an API key at the REST edge ({@code --api-key}, with {@code --via livelink}): the key's
     * role and scene are the ceiling, and the token's subject is the key's principal.
     */
    record ApiKey(PlatformRest rest, String key) implements TokenSource {

        /** The edge mints tokens for one minute to one day. */
        private static final Duration MIN_TTL = Duration.ofMinutes(1);
        private static final Duration MAX_TTL = Duration.ofDays(1);

        @Override
        public String token(String clientId, Role role, UUID sceneId, Duration ttl) {
            Duration bounded = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl.compareTo(MIN_TTL) < 0 ? MIN_TTL : ttl;
            return rest.tokenFromApiKey(key, role, sceneId, bounded);
        }

        /** Known only once exchanged; with Livelink the edge assigns the client id anyway. */
        @Override
        public Optional<String> subject() {
            return Optional.empty();
        }

        /** Hides the key: this record ends up in logs. */
        @Override
        public String toString() {
            return "ApiKey[rest=" + rest + "]";
        }
    }
}
