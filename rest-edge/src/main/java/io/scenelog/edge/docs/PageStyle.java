package io.scenelog.edge.docs;

/**
 * The stylesheet of {@link ApiDocsPage}, inline in the page so that it needs no second request and no external
 * resource; system fonts only.
 */
final class PageStyle {

    static final String CSS = """
            :root { --fg: #1d2330; --muted: #5b6475; --line: #dfe3ea; --bg: #ffffff; --soft: #f5f7fa; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--fg); background: var(--bg); line-height: 1.5;
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 96px; }
            h1 { font-size: 28px; margin: 8px 0 16px; }
            h1 .version { font-size: 15px; color: var(--muted); font-weight: normal; }
            h2 { font-size: 22px; margin: 48px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 17px; margin: 28px 0 6px; }
            h4 { font-size: 14px; margin: 16px 0 4px; text-transform: uppercase; letter-spacing: .04em;
                 color: var(--muted); }
            code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            code { background: var(--soft); padding: 1px 4px; border-radius: 3px; }
            pre { background: var(--soft); padding: 12px; overflow-x: auto; border-radius: 4px; }
            a { color: #1f5fbf; text-decoration: none; }
            a:hover { text-decoration: underline; }
            table { border-collapse: collapse; margin: 8px 0 12px; width: 100%; font-size: 14px; }
            th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: var(--soft); font-weight: 600; }
            nav { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 8px 16px;
                  font-size: 14px; columns: 2; }
            nav ul { list-style: none; margin: 0; padding-left: 12px; }
            nav > ul { padding-left: 0; }
            article.op { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px;
                         margin: 16px 0; }
            article.op h3 { margin-top: 10px; }
            .meta { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
            .meta span { margin-right: 12px; }
            .role { font-weight: 600; color: #6a3fb5; }
            .m { display: inline-block; min-width: 58px; text-align: center; border-radius: 3px; color: #fff;
                 font: 600 12px/20px ui-monospace, Menlo, Consolas, monospace; padding: 0 4px; }
            .m-get { background: #2f8132; } .m-post { background: #1f5fbf; } .m-put { background: #b26a00; }
            .m-patch { background: #0f7c83; } .m-delete { background: #b3261e; }
            .m-head, .m-options, .m-trace { background: #5b6475; }
            .path { background: none; font-weight: 600; }
            .status { font-weight: 600; font-family: ui-monospace, Menlo, Consolas, monospace; }
            .s2 { color: #2f8132; } .s3 { color: #5b6475; } .s4 { color: #b26a00; } .s5 { color: #b3261e; }
            ul.tree { list-style: none; margin: 4px 0; padding-left: 18px; border-left: 1px dotted var(--line); }
            ul.tree li { margin: 2px 0; }
            .prop { font-weight: 600; }
            .type { color: #0f7c83; font-size: 13px; }
            .req { color: #b3261e; font-size: 12px; font-weight: 600; }
            .opt { color: var(--muted); font-size: 12px; }
            .constraints { color: var(--muted); font-size: 13px; }
            .desc { display: block; color: var(--fg); font-size: 14px; }
            details { margin: 6px 0 12px; }
            summary { cursor: pointer; color: var(--muted); }
            """;

    private PageStyle() {
    }
}
