package io.scenelog.bridge.viewer.internal;

import io.javalin.http.Context;
import io.scenelog.bridge.viewer.ViewerSettings;

/**
 * The security headers of every viewer response. The Content-Security-Policy allows the page's own scripts, styles
 * and connections ({@code 'self'}, which covers a WebSocket to the same host and port), plus connections to the REST
 * API's origin and the Livelink bridge's; no inline script or style, no plugins, no framing, no other origin.
 */
public final class PageHeaders {

    private PageHeaders() {
    }

    /** The policy for these settings. */
    public static String contentSecurityPolicy(ViewerSettings settings) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: blob:",
                "connect-src 'self' " + settings.restOrigin() + " " + settings.livelinkOrigin(),
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'",
                "object-src 'none'");
    }

    /** Sets the headers on a response. */
    public static void apply(Context ctx, ViewerSettings settings) {
        ctx.header("Content-Security-Policy", contentSecurityPolicy(settings));
        ctx.header("X-Content-Type-Options", "nosniff");
        // credentials travel in the URL fragment, which browsers never put in a Referer; no-referrer keeps the
        // session and scene ids of the page's URL out of requests to other origins too
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
