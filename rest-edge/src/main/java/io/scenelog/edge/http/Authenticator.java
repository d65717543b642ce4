package io.scenelog.edge.http;

import io.javalin.http.Context;
import io.scenelog.streams.auth.TokenVerification;
import io.scenelog.streams.auth.TokenVerifier;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads and verifies the bearer token of a request ({@code Authorization: Bearer <jwt>}). A missing, malformed,
 * expired or forged token is 401 UNAUTHENTICATED whatever the route; the message says which, never echoing the
 * token.
 */
public final class Authenticator {

    private static final String SCHEME = "bearer ";

    private final TokenVerifier verifier;

    public Authenticator(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * The caller of a request.
     *
     * @throws ApiException UNAUTHENTICATED when there is no valid bearer token
     */
    public Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthenticated("This endpoint needs a bearer token: send 'Authorization: Bearer"
                    + " <token>' (exchange an API key for one at POST /tokens)");
        }
        if (header.length() <= SCHEME.length() || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT)
                .equals(SCHEME)) {
            throw ApiException.unauthenticated("The Authorization header must use the Bearer scheme");
        }
        String token = header.substring(SCHEME.length()).trim();
        TokenVerification verification = verifier.verify(token);
        if (verification instanceof TokenVerification.Valid valid) {
            return new Caller(valid.token().claims(), token, valid.token().expiresAt());
        }
        TokenVerification.Invalid invalid = (TokenVerification.Invalid) verification;
        throw ApiException.unauthenticated("The bearer token was refused (" + invalid.failure().name()
                .toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + invalid.detail());
    }
}
