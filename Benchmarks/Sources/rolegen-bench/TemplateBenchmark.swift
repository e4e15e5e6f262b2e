import Foundation
import Mustache
import TemplateEngine

/// Renders a realistic role page (a layout with blocks, a page extending it and fourteen
/// partials, about 25 KB of HTML) with rolegen's TemplateEngine and with swift-mustache 2.1.1,
/// from the same template files and the same data, on one core, and prints both throughputs side
/// by side. Run: `cd Benchmarks && swift build -c release --scratch-path .build-templates &&
/// .build-templates/release/rolegen-bench templates`.
enum TemplateBenchmark {
    /// How long each engine renders for.
    static let duration = Duration.seconds(3)
    static let page = "role"

    static func run() {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/templates")
        let data = TemplateBenchmarkData.page
        let mustacheData = mustacheValue(data)

        let templates: TemplateSet
        var library = MustacheLibrary()
        do {
            templates = try TemplateSet(directory: folder, displayPrefix: "Fixtures/templates")
            for name in templates.names {
                let source = try String(contentsOf: folder.appendingPathComponent(name + ".html"), encoding: .utf8)
                try library.register(source, named: name)
            }
        } catch {
            print("template benchmark: cannot load the fixtures: \(error)")
            exit(1)
        }

        let ours: [UInt8]
        do {
            ours = try templates.renderBytes(page, data)
        } catch {
            print("template benchmark: rolegen cannot render the page:\n\(error.rendered)")
            exit(1)
        }
        let theirs = Array((library.render(mustacheData, withTemplate: page) ?? "").utf8)

        print("Template benchmark: '\(page)' (a page extending a layout with blocks, + \(templates.names.count - 2) partials), \(ours.count) bytes per page, one core, \(duration) per engine")
        print("  same output from both engines: \(compare(ours, theirs))")
        let rolegen = measure {
            (try? templates.renderBytes(page, data).count) ?? 0
        }
        let mustache = measure {
            library.render(mustacheData, withTemplate: page)?.utf8.count ?? 0
        }
        report("rolegen TemplateEngine", rolegen)
        report("swift-mustache 2.1.1", mustache)
        print("  rolegen / swift-mustache: \(String(format: "%.1f", rolegen.rendersPerSecond / mustache.rendersPerSecond))× the throughput")
    }

    struct Measurement {
        let renders: Int
        let bytes: Int
        let seconds: Double
        var rendersPerSecond: Double { Double(renders) / seconds }
        var megabytesPerSecond: Double { Double(bytes) / seconds / 1_000_000 }
    }

    /// Renders in batches until `duration` has passed (after a short warm-up).
    static func measure(_ render: () -> Int) -> Measurement {
        for _ in 0..<20 { _ = render() }
        let clock = ContinuousClock()
        let start = clock.now
        var renders = 0
        var bytes = 0
        while clock.now - start < duration {
            for _ in 0..<10 {
                bytes += render()
            }
            renders += 10
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measurement(renders: renders, bytes: bytes, seconds: seconds)
    }

    static func report(_ engine: String, _ measurement: Measurement) {
        let name = engine.padding(toLength: 24, withPad: " ", startingAt: 0)
        print("  \(name) \(String(format: "%9.0f", measurement.rendersPerSecond)) renders/s  \(String(format: "%8.1f", measurement.megabytesPerSecond)) MB/s")
    }

    /// Whether both engines produced the same page. swift-mustache indents an indented partial's
    /// lines from its output, and so misses the first line of each section it repeats; rolegen
    /// indents every source line, as the spec says. So the pages are compared both as they are and
    /// without the indentation of their lines; when they differ, both are written to files.
    static func compare(_ ours: [UInt8], _ theirs: [UInt8]) -> String {
        if ours == theirs { return "yes" }
        let directory = FileManager.default.temporaryDirectory
        try? Data(ours).write(to: directory.appendingPathComponent("rolegen-bench-rolegen.html"))
        try? Data(theirs).write(to: directory.appendingPathComponent("rolegen-bench-swift-mustache.html"))
        let written = "(both written to \(directory.path)/rolegen-bench-*.html)"
        if withoutIndentation(ours) == withoutIndentation(theirs) {
            return "yes, apart from the indentation of lines in repeated sections of indented partials \(written)"
        }
        return "NO \(written)"
    }

    static func withoutIndentation(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Array(line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        }
    }

    /// The same data as swift-mustache takes it: dictionaries, arrays and plain values.
    static func mustacheValue(_ value: TemplateValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .string(let string): string
        case .array(let items): items.map(mustacheValue)
        case .object(let object): object.dictionary.mapValues(mustacheValue)
        }
    }
}
