package io.scenelog.bridge.viewer;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.scenelog.bridge.viewer.internal.BundleFile;
import io.scenelog.bridge.viewer.internal.PageHeaders;
import io.scenelog.bridge.viewer.internal.StaticBundle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Serves the viewer page from the classpath: {@code GET /} (the start page: scenes to open), {@code GET /view}
 * (the viewer: {@code ?session=<id>} or {@code ?scene=<id>}), {@code GET /viewer/config.json} (the page's
 * {@link ViewerSettings}) and {@code GET /viewer/<file>} (the page's scripts and styles, content-hashed and cached
 * for good). Every answer carries a strict Content-Security-Policy; a file the bundle does not list is 404.
 *
 * <pre>{@code
 * Javalin.create(config -> ViewerRoutes.mount(config.routes, ViewerSettings.of(edgeUrl, livelinkUrl)));
 * }</pre>
 */
public final class ViewerRoutes {

    private final StaticBundle bundle;
    private final Supplier<ViewerSettings> settings;

    private ViewerRoutes(StaticBundle bundle, Supplier<ViewerSettings> settings) {
        this.bundle = bundle;
        this.settings = settings;
    }

    /**
     * Adds the viewer's routes to a Javalin app being configured.
     *
     * @throws ViewerBundleMissingException when the page was not built into the classpath
     */
    public static void mount(RoutesConfig routes, ViewerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        mount(routes, () -> settings);
    }

    /**
     * Adds the viewer's routes, reading the settings per request: for a bridge whose own Livelink URL is known only
     * once it listens (port 0 in tests).
     *
     * @throws ViewerBundleMissingException when the page was not built into the classpath
     */
    public static void mount(RoutesConfig routes, Supplier<ViewerSettings> settings) {
        Objects.requireNonNull(settings, "settings");
        ViewerRoutes viewer = new ViewerRoutes(StaticBundle.load(ViewerRoutes.class.getClassLoader()), settings);
        viewer.route(routes, "/", ctx -> viewer.file(ctx, "index.html"));
        viewer.route(routes, "/view", ctx -> viewer.file(ctx, "view.html"));
        viewer.route(routes, "/viewer/config.json", viewer::config);
        viewer.route(routes, "/viewer/{file}", ctx -> viewer.file(ctx, ctx.pathParam("file")));
    }

    private void route(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private void file(Context ctx, String name) {
        PageHeaders.apply(ctx, settings.get());
        BundleFile file = bundle.file(name).orElse(null);
        if (file == null) {
            ctx.status(HttpStatus.NOT_FOUND).header("Cache-Control", "no-store")
                    .contentType("text/plain; charset=utf-8").result("Not found: " + ctx.path());
            return;
        }
        ctx.header("Cache-Control", file.cacheControl()).header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(file.contentType()).result(file.bytes());
    }

    private void config(Context ctx) {
        ViewerSettings current = settings.get();
        PageHeaders.apply(ctx, current);
        // both values are validated URIs, which cannot hold a quote, a backslash or a control character
        String json = "{\"restBaseUrl\":\"" + current.restBaseUrl() + "\",\"livelinkUrl\":\"" + current.livelinkUrl()
                + "\"}";
        ctx.header("Cache-Control", "no-store").contentType("application/json; charset=utf-8")
                .result(json.getBytes(StandardCharsets.UTF_8));
    }
}
