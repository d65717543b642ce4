package io.scenelog.edge.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML escaping and the small part of CommonMark the OpenAPI descriptions use: headings, paragraphs, bullet and
 * numbered lists, pipe tables, {@code `code`} and {@code **bold**}. Every piece of text is escaped before any
 * markup is added, so a description can never inject HTML, whatever it contains.
 */
final class Markdown {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s+(.*)$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}.*$");

    /** Headings of the descriptions start below the page's own h1 and h2. */
    private static final int HEADING_OFFSET = 2;

    private Markdown() {
    }

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One line of text with inline code and bold, escaped. */
    static String inline(String text) {
        String escaped = escape(text);
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(escaped);
        int last = 0;
        // Code spans first, so that asterisks inside them stay literal.
        while (code.find()) {
            out.append(bold(escaped.substring(last, code.start())));
            out.append("<code>").append(code.group(1)).append("</code>");
            last = code.end();
        }
        out.append(bold(escaped.substring(last)));
        return out.toString();
    }

    private static String bold(String escaped) {
        return BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
    }

    /** A multi-line description as HTML blocks. */
    static String blocks(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = text.strip().lines().toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
            } else if (HEADING.matcher(line).matches()) {
                Matcher heading = HEADING.matcher(line);
                heading.matches();
                int level = Math.min(6, heading.group(1).length() + HEADING_OFFSET);
                out.append("<h").append(level).append('>').append(inline(heading.group(2)))
                        .append("</h").append(level).append(">\n");
                i++;
            } else if (line.stripLeading().startsWith("|")) {
                i = table(lines, i, out);
            } else if (BULLET.matcher(line).matches()) {
                i = list(lines, i, BULLET, "ul", out);
            } else if (NUMBERED.matcher(line).matches()) {
                i = list(lines, i, NUMBERED, "ol", out);
            } else {
                i = paragraph(lines, i, out);
            }
        }
        return out.toString();
    }

    private static int paragraph(List<String> lines, int start, StringBuilder out) {
        List<String> parts = new ArrayList<>();
        int i = start;
        while (i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i))) {
            parts.add(lines.get(i).strip());
            i++;
        }
        out.append("<p>").append(inline(String.join(" ", parts))).append("</p>\n");
        return i;
    }

    private static boolean startsBlock(String line) {
        return HEADING.matcher(line).matches() || line.stripLeading().startsWith("|")
                || BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches();
    }

    /** A list; an indented line that is no item continues the item above it. */
    private static int list(List<String> lines, int start, Pattern item, String tag, StringBuilder out) {
        List<String> items = new ArrayList<>();
        int i = start;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            Matcher m = item.matcher(lines.get(i));
            if (m.matches()) {
                items.add(m.group(1).strip());
            } else if (Character.isWhitespace(lines.get(i).charAt(0)) && !startsBlock(lines.get(i))) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + lines.get(i).strip());
            } else {
                break;
            }
            i++;
        }
        out.append('<').append(tag).append(">\n");
        for (String text : items) {
            out.append("<li>").append(inline(text)).append("</li>\n");
        }
        out.append("</").append(tag).append(">\n");
        return i;
    }

    private static int table(List<String> lines, int start, StringBuilder out) {
        out.append("<table>\n");
        int i = start;
        boolean header = true;
        while (i < lines.size() && lines.get(i).stripLeading().startsWith("|")) {
            String line = lines.get(i).strip();
            i++;
            if (TABLE_RULE.matcher(line).matches()) {
                continue;
            }
            String cell = header ? "th" : "td";
            out.append("<tr>");
            for (String value : cells(line)) {
                out.append('<').append(cell).append('>').append(inline(value)).append("</").append(cell).append('>');
            }
            out.append("</tr>\n");
            header = false;
        }
        out.append("</table>\n");
        return i;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
