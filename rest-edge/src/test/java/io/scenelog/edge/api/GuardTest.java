package io.scenelog.edge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.scenelog.edge.http.ApiErrors;
import io.scenelog.edge.http.Authenticator;
import io.scenelog.edge.http.limits.RateLimiter;
import io.scenelog.model.Role;
import io.scenelog.streams.auth.TokenClaims;
import io.scenelog.streams.auth.TokenIssuer;
import io.scenelog.streams.auth.TokenKey;
import io.scenelog.streams.auth.TokenVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard in front of every authenticated route, over real HTTP: the rate limit is charged to the verified token
 * subject, so neither a forwarded-for header nor a fresh connection buys a client more, and one principal's burst
 * does not limit another.
 */
class GuardTest {

    private final TokenKey key = TokenKey.generate();
    private final TokenIssuer issuer = new TokenIssuer(key, Clock.systemUTC());
    private final AtomicLong now = new AtomicLong();
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        Guard guard = new Guard(new Authenticator(new TokenVerifier(key, Clock.systemUTC())),
                new RateLimiter(1.0, 2, 1000, now::get));
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            ApiErrors.mount(config.routes);
            config.routes.get("/thing", guard.authenticated((ctx, caller) -> ctx.result(caller.subject())));
        }).start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void shouldLimitEachPrincipalByItsVerifiedSubject() throws Exception {
        // given
        String alice = issuer.issue(TokenClaims.of("alice", Role.VIEWER), Duration.ofMinutes(5));
        String bob = issuer.issue(TokenClaims.of("bob", Role.VIEWER), Duration.ofMinutes(5));

        // when: alice spends her burst of 2, then tries again from "another address"
        assertThat(get(alice, "10.0.0.1").statusCode()).isEqualTo(200);
        assertThat(get(alice, "10.0.0.2").statusCode()).isEqualTo(200);
        HttpResponse<String> limited = get(alice, "10.0.0.3");

        // then
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        assertThat(get(bob, "10.0.0.1").statusCode()).isEqualTo(200);

        // when: a second passes on the limiter's clock
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        // then
        assertThat(get(alice, "10.0.0.1").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotChargeUnauthenticatedRequestsToAnyPrincipal() throws Exception {
        // given
        String alice = issuer.issue(TokenClaims.of("alice", Role.VIEWER), Duration.ofMinutes(5));

        // when: forged requests naming alice's subject
        String forged = new TokenIssuer(TokenKey.generate(), Clock.systemUTC())
                .issue(TokenClaims.of("alice", Role.ADMIN), Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(get(forged, "10.0.0.9").statusCode()).isEqualTo(401);
        }

        // then: alice's allowance is untouched
        assertThat(get(alice, "10.0.0.1").statusCode()).isEqualTo(200);
        assertThat(get(alice, "10.0.0.1").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String token, String forwardedFor) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/thing"))
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", forwardedFor)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
