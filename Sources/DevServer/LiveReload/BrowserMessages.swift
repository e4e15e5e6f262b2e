import Diagnostics
import Site

/// The HTML the preview shows in the browser about builds: the overlay over a page when a
/// rebuild failed, the page every URL answers while no build has succeeded yet, and the
/// notice over a page whose file is gone. Every diagnostic is HTML-escaped: a message quotes
/// the user's source, which may hold `<script>`.
enum BrowserMessages {
    /// The overlay's content: a heading and each diagnostic as the terminal shows it
    /// (`file:line:column: error: message`, the quoted line and its caret), in a `<pre>`.
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let heading = "rolegen: the last build failed (\(errors) error\(errors == 1 ? "" : "s")) — this page is from the last good build"
        return "<strong>\(escape(heading))</strong>\n<pre>" + diagnostics.map { escape($0.rendered) }.joined(separator: "\n") + "</pre>"
    }

    /// The whole page answered for every URL while no build has succeeded: the diagnostics, and
    /// the reload script so that the page turns into the site once a build succeeds.
    static func firstBuildFailedPage(_ diagnostics: [Diagnostic]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>rolegen: build failed</title></head>
        <body style="font-family: system-ui, sans-serif; margin: 2rem;">
        <h1>rolegen: the build failed</h1>
        <p>Nothing has been built yet. Fix these errors and save: this page reloads by itself.</p>
        <pre style="background: #fff4f4; border-left: 4px solid #c00; padding: 1rem; overflow: auto;">\
        \(diagnostics.map { escape($0.rendered) }.joined(separator: "\n"))</pre>
        </body>
        </html>

        """
    }

    /// Shown over a page whose file the last build removed.
    static func removedNotice(page: String) -> String {
        "<strong>rolegen: this page no longer exists</strong>\n<p>The last build removed <code>\(escape(page))</code>. "
            + "What you see is the old page; follow a link or go to the site's start page.</p>"
    }

    private static func escape(_ text: String) -> String {
        MarkupEscaping.escape(text)
    }
}
