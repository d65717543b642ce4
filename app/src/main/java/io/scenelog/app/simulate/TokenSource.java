package io.scenelog.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * platform's token key ({@code --token-key-file}). Minting from the key is the local-machine path: whoever reads
 * the key can mint any role, so deployments hand tools a token (later: an API key exchanged at the REST edge).
 */
public sealed interface TokenSource {

    /**
     * The token the tool acts with.
     *
     * @param clientId the principal (the token's subject)
     * @param role     the role needed
     * @param sceneId  the one scene the token is for
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
            return new TokenIssuer(key, Clock.systemUTC())
                    .issue(TokenClaims.of(clientId, role).forScene(sceneId), bounded);
        }

        @Override
        public Optional<String> subject() {
            return Optional.empty();
        }
    }
}
