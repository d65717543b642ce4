package io.scenelog.streams.auth;

import java.util.Objects;

/**
 * The outcome of {@link TokenVerifier#verify}: a verified token, or the reason it was refused. Refusal is an
 * expected outcome (expired or forged tokens arrive all the time), so it is data, not an exception.
 */
public sealed interface TokenVerification permits TokenVerification.Valid, TokenVerification.Invalid {

    /** Whether the token was accepted. */
    boolean isValid();

    /** An accepted token. */
    record Valid(VerifiedToken token) implements TokenVerification {
        public Valid {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public boolean isValid() {
            return true;
        }
    }

    /**
     * A refused token.
     *
     * @param failure why, as a stable code
     * @param detail  why, in words, never containing the token or the key
     */
    record Invalid(TokenFailure failure, String detail) implements TokenVerification {
        public Invalid {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isValid() {
            return false;
        }
    }
}
