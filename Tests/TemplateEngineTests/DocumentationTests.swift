import Foundation
import TemplateEngine
import TestSupport
import XCTest

/// The error examples in docs/templates.md are produced by the engine: each scenario here renders
/// or loads a small template set and checks that the document shows exactly that output.
final class DocumentationTests: XCTestCase {
    /// Sources shared by the scenarios, shown as files under `templates/`.
    static let faq = """
        <section id="faq">
          <h2>{{t.faq.title}}</h2>
          {{#role.faq}}
          <details>
            <summary>{{question}}</summary>
            <p>{{answer}}</p>
          </details>
          {{/role.faq}}
          {{^role.faq}}
          <p>{{t.faq.none}}</p>
          {{/role.faq}}
          <p>{{role.faqs}}</p>
        </section>

        """

    static let data: TemplateValue = [
        "t": ["faq": ["title": "FAQ", "none": "No questions yet."]],
        "role": ["title": "Backend Developer", "faq": [["question": "Q?", "answer": "A."]], "salary": nil, "tasks": ["a", "b"]],
    ]

    /// Each scenario's output, in the order the document shows them: a folder of templates is
    /// written to a temporary directory and loaded as `templates/…`, as the site does.
    static func examples() throws -> [String] {
        var outputs: [String] = []
        func load(_ files: [String: String]) throws -> TemplateSet? {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("TemplateEngineDocs-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            do {
                return try TemplateSet(directory: root, displayPrefix: "templates")
            } catch {
                outputs.append(error.description)
                return nil
            }
        }
        func renderError(_ files: [String: String], _ name: String) throws {
            guard let templates = try load(files) else { return }
            do throws(TemplateError) {
                _ = try templates.render(name, data)
            } catch {
                outputs.append(error.rendered)
            }
        }
        try renderError(["partials/faq.html": faq], "partials/faq")
        try renderError(["partials/salary.html": "<p>{{role.salary.median}} {{role.title.short}}</p>\n"], "partials/salary")
        try renderError(["partials/tasks.html": "<ul>{{role.tasks}}</ul>\n"], "partials/tasks")
        _ = try load([
            "layouts/role.html": "<main>\n  {{>partials/hero}}\n  {{#role}}\n  <h1>{{title}</h1>\n  {{/rol}}\n</main>\n",
            "partials/heros.html": "",
            "partials/cta.html": "<p>{{{ cta.html }}</p>\n",
        ])
        return outputs
    }

    func testTheDocumentShowsWhatTheEngineReports() throws {
        let url = PackageRoot.url.appendingPathComponent("docs/templates.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        for example in try Self.examples() {
            XCTAssertTrue(document.contains(example), "docs/templates.md should show:\n\(example)")
        }
    }
}
