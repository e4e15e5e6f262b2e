/// The few lines of script that `rolegen serve` adds to every HTML page it answers with — and
/// only there: the files in the output folder never hold it, so `rolegen build` output is the
/// same whether a server runs or not. The script listens to `/__rolegen/events` and reloads
/// the page, swaps its stylesheets, or shows a message over it (a failed build's diagnostics,
/// or a notice that the page is gone).
enum ReloadClient {
    /// Where pages listen. `__rolegen` cannot clash with a page: no rolegen URL segment starts
    /// with `_` (slugs are lowercase letters, digits and hyphens).
    static let eventsPath = "/__rolegen/events"

    /// The `<script>` element for a page served after `generation` successful builds (0: the
    /// page is the first build's error page). The server compares it with its own count when the
    /// page connects, so a rebuild that finished between the page's load and its connection is
    /// not missed.
    static func script(generation: Int) -> String {
        """
        <script>/* rolegen serve: live reload (never in `rolegen build` output) */
        (() => {
          const events = new EventSource("\(eventsPath)?build=\(generation)&page=" + encodeURIComponent(location.pathname));
          const show = (html) => {
            let box = document.getElementById("rolegen-serve-message");
            if (html === null) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "rolegen-serve-message";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem;background:#fff4f4;color:#300;border-top:4px solid #c00;font:14px/1.4 system-ui,sans-serif;white-space:normal";
              document.body.append(box);
            }
            box.innerHTML = html;
          };
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("failed", (event) => show(event.data));
          events.addEventListener("removed", (event) => show(event.data));
          events.addEventListener("fixed", () => show(null));
          events.addEventListener("css", async () => {
            show(null);
            const text = await (await fetch(location.href, { cache: "no-store" })).text();
            const fresh = [...new DOMParser().parseFromString(text, "text/html").querySelectorAll('link[rel="stylesheet"]')];
            document.querySelectorAll('link[rel="stylesheet"]').forEach((link, index) => {
              if (fresh[index]) link.href = fresh[index].getAttribute("href");
            });
          });
        })();
        </script>

        """
    }

    /// `html` with the script inserted before its last `</body>` (any case), or appended when
    /// it has none.
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array(self.script(generation: generation).utf8)
        let closing = Array("</body>".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if zip(html[index..<(index + closing.count)], closing).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return Array(html[..<index]) + script + Array(html[index...])
            }
            index -= 1
        }
        return html + script
    }
}
