import Foundation

/// Writes a large, valid content site in rolegen's format (docs/content.md), shaped like the
/// real one: each role has the seed page's proportions (17 tasks, 8 skills, a three-phase
/// roadmap, a long analysis), an English text and a partial French translation.
///
/// Deterministic: the same `roleCount` always writes the same bytes, so timings compare across
/// runs and machines. The site has no templates: whoever needs them adds them.
enum CorpusGenerator {
    static let sectors = ["technology", "finance", "healthcare", "education", "manufacturing", "retail", "media", "logistics"]
    static let jobs = [
        "developer", "analyst", "designer", "accountant", "nurse", "teacher", "engineer", "writer", "manager", "technician",
        "consultant", "translator", "editor", "planner", "auditor", "recruiter", "pharmacist", "architect", "clerk", "scientist",
    ]
    static let toolCount = 30

    /// The folder name of role `index` (0-based), e.g. `technology-developer-0001`.
    static func slug(_ index: Int) -> String {
        "\(sectors[index % sectors.count])-\(jobs[index % jobs.count])-\(padded(index))"
    }

    /// What the roles' Markdown holds besides paragraphs.
    enum Prose {
        /// Paragraphs and a heading only: the corpus of `site` and `edit`, unchanged since
        /// their first runs (their checksum ties every run to the ones before).
        case plain
        /// What real role pages have as well: a `role:` link to another role in each analysis,
        /// and a table and a task list in each article (`prose`).
        case rich
    }

    /// Writes the site into `root` (created if needed): site.json, content/, locales/.
    static func write(roleCount: Int, to root: URL, prose: Prose = .plain) throws {
        try write(siteJSON, to: root, "site.json")
        try write(sectorsJSON, to: root, "content/sectors.json")
        try write(toolsJSON, to: root, "content/tools.json")
        try write(#"{ "hero": { "title": "Will AI replace {titlePlural}?", "subtitle": "The industry picture." }, "report": { "button": "Get Your Full Risk Report", "note": "Free personalized analysis" }, "faq": { "title": "Frequently Asked Questions" } }"#, to: root, "locales/en.json")
        try write(#"{ "hero": { "title": "L'IA va-t-elle remplacer les {titlePlural} ?", "subtitle": "Le portrait du secteur." }, "faq": { "title": "Questions fréquentes" } }"#, to: root, "locales/fr.json")
        for index in 0..<roleCount {
            let folder = "content/roles/\(slug(index))"
            for (name, text) in roleFiles(index, roleCount: roleCount, prose: prose) {
                try write(text, to: root, "\(folder)/\(name)")
            }
        }
    }

    /// The corpus with the repository's own templates and string tables in place of the
    /// generated tables: a site that builds as the real one does (`site` and `edit`). Exits
    /// with a message when it cannot be written.
    static func writeBuildableSite(roleCount: Int, to root: URL, benchmark: String) {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        do {
            try write(roleCount: roleCount, to: root)
            try? FileManager.default.removeItem(at: root.appendingPathComponent("locales"))
            try FileManager.default.copyItem(at: repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
            try FileManager.default.copyItem(at: repository.appendingPathComponent("locales"), to: root.appendingPathComponent("locales"))
        } catch {
            print("\(benchmark) benchmark: cannot generate the corpus: \(error)")
            exit(1)
        }
    }

    // MARK: Site-wide files

    static let siteJSON = """
    {
      "$schema": "docs/schemas/site.schema.json",
      "title": "Will AI Replace My Job?",
      "baseURL": "https://willaireplace.example/",
      "defaultLocale": "en",
      "locales": ["en", "fr"],
      "urlSegments": { "fr": { "roles": "metiers" } },
      "reportEndpoint": "https://example.org/report"
    }

    """

    static var sectorsJSON: String {
        let entries = sectors.map { id in
            #"    { "id": \#(quoted(id)), "name": { "en": \#(quoted(id.capitalized)), "fr": \#(quoted(id.capitalized + " (FR)")) } }"#
        }
        return "{\n  \"sectors\": [\n\(entries.joined(separator: ",\n"))\n  ]\n}\n"
    }

    static func toolID(_ index: Int) -> String { "ai-tool-\(index % toolCount)" }

    static var toolsJSON: String {
        let entries = (0..<toolCount).map { index in
            let french = index % 2 == 0 ? #", "fr": "Un assistant IA numéro \#(index)""# : ""
            return #"    { "id": "\#(toolID(index))", "name": "AI Tool \#(index)", "url": "https://tools.example/\#(index)", "description": { "en": "An AI assistant that automates routine work, number \#(index)."\#(french) } }"#
        }
        return "{\n  \"tools\": [\n\(entries.joined(separator: ",\n"))\n  ]\n}\n"
    }

    // MARK: One role

    /// File name → text for role `index`.
    static func roleFiles(_ index: Int, roleCount: Int, prose: Prose = .plain) -> [(String, String)] {
        let job = jobs[index % jobs.count]
        let title = "\(job.capitalized) \(index)"
        let tasks = (0..<17).map { "task-\($0)" }
        let skills = (0..<8).map { "skill-\($0)" }
        let toolsToLearn = (0..<5).map { toolID(index + $0) }
        var files = [
            ("role.json", roleJSON(index, roleCount: roleCount, tasks: tasks, skills: skills, toolsToLearn: toolsToLearn)),
            ("en.json", englishJSON(title: title, tasks: tasks, skills: skills, toolsToLearn: toolsToLearn)),
            ("fr.json", frenchJSON(title: title, tasks: tasks)),
            ("analysis.en.md", paragraphs(title, count: 7)),
            ("verdict.en.md", paragraphs(title, count: 2)),
            ("verdict.fr.md", "Les \(title) occupent une position relativement sûre face à l'IA.\n"),
        ]
        if index % 2 == 0 { files.append(("analysis.fr.md", "L'analyse complète pour les \(title).\n\n" + paragraphs(title, count: 5))) }
        if index % 3 == 0 { files.append(("article.en.md", "# \(title): the full analysis\n\n" + paragraphs(title, count: 15))) }
        if index % 6 == 0 { files.append(("article.fr.md", "# \(title) : l'analyse complète\n\n" + paragraphs(title, count: 15))) }
        if prose == .rich {
            files = files.map { name, text in
                switch name {
                case "analysis.en.md": (name, text + "\nCompare the [neighbouring role](role:\(slug((index + 1) % roleCount))).\n")
                case "article.en.md": (name, text + richArticleEnd)
                default: (name, text)
                }
            }
        }
        return files
    }

    static let richArticleEnd = """

        ## Task by task

        | Task | Exposure | Horizon |
        | --- | --- | --- |
        | Boilerplate | high | 1–2 years |
        | Reviews | medium | 3–5 years |
        | Design | low | 5+ years |

        - [ ] Learn the assistants
        - [x] Keep the judgment

        """

    static func roleJSON(_ index: Int, roleCount: Int, tasks: [String], skills: [String], toolsToLearn: [String]) -> String {
        let exposures = ["automated", "oversight", "safe"]
        let trends = ["growing", "stable", "declining"]
        let related = Set([1, 2, roleCount - 1].map { (index + $0) % max(roleCount, 1) }).subtracting([index]).sorted().map(slug)
        let from = index % 6
        return """
        {
          "$schema": "../../../docs/schemas/role.schema.json",
          "sector": \(quoted(sectors[index % sectors.count])),
          "riskScore": \(index * 37 % 101),
          "automationPotential": \(index * 13 % 101),
          "saferPeersPercent": \(index * 7 % 101),
          "impactYears": { "from": \(from), "to": \(from + index % 4) },
          "salaryPremium": \(index % 40),
          "demandTrend": \(quoted(trends[index % trends.count])),
          "tasks": [
        \(tasks.enumerated().map { #"    { "id": "\#($1)", "exposure": "\#(exposures[$0 * 3 / tasks.count])" }"# }.joined(separator: ",\n"))
          ],
          "skills": [
        \(skills.enumerated().map { #"    { "id": "\#($1)", "resilience": \#(($0 * 11 + index) % 101) }"# }.joined(separator: ",\n"))
          ],
          "replacingTools": \(list((0..<4).map { toolID(index + 10 + $0) })),
          "toolsToLearn": \(list(toolsToLearn)),
          "relatedRoles": \(list(related)),
          "lastReviewed": "2026-\(padded(index % 12 + 1, width: 2))-\(padded(index % 28 + 1, width: 2))",
          "illustrative": ["riskScore", "salaryPremium"]
        }

        """
    }

    static func englishJSON(title: String, tasks: [String], skills: [String], toolsToLearn: [String]) -> String {
        let phases = (1...3).map { phase in
            #"    { "title": "Phase \#(phase) for \#(title)", "timeframe": "\#(phase * 12 - 12)–\#(phase * 12) months", "summary": "Build on AI tools while strengthening the fundamentals of the craft.", "steps": \#(list((1...4).map { "Step \($0) of phase \(phase): practise a concrete skill every week" })) }"#
        }
        return """
        {
          "$schema": "../../../docs/schemas/role-text.schema.json",
          "title": \(quoted(title)),
          "titlePlural": \(quoted(title + "s")),
          "description": \(quoted("Will AI replace \(title)s? Risk score, task exposure, tools and a career roadmap.")),
          "tasks": \(map(tasks) { "Routine part of the job number \($0.dropFirst(5)), done every week" }),
          "skills": \(map(skills) { "Skill \($0.dropFirst(6))" }),
          "toolReasons": \(map(toolsToLearn) { "Essential for \($0): automates the boring half of the work" }),
          "roadmap": [
        \(phases.joined(separator: ",\n"))
          ],
          "quickWins": \(list((1...4).map { "Quick win \($0): try an AI tool on a real task this week" })),
          "faq": [{ "question": "Will AI replace \(title)s completely?", "answer": "Not soon: judgment and collaboration remain human." }]
        }

        """
    }

    /// Partially translated: title, titlePlural and the first half of the tasks.
    static func frenchJSON(title: String, tasks: [String]) -> String {
        """
        {
          "title": \(quoted("\(title) (FR)")),
          "titlePlural": \(quoted("\(title)s (FR)")),
          "tasks": \(map(Array(tasks.prefix(tasks.count / 2))) { "Tâche courante numéro \($0.dropFirst(5))" })
        }

        """
    }

    static func paragraphs(_ title: String, count: Int) -> String {
        (1...count).map { number in
            "Paragraph \(number) about \(title)s. AI tools are taking over routine work such as boilerplate, "
                + "simple queries and formatting, while judgment, design and collaboration remain *human*. "
                + "Professionals who adopt these tools early are likely to see **growing demand** for their skills.\n"
        }.joined(separator: "\n")
    }

    // MARK: JSON text

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    static func map(_ ids: [String], text: (String) -> String) -> String {
        "{ " + ids.map { "\(quoted($0)): \(quoted(text($0)))" }.joined(separator: ", ") + " }"
    }

    static func padded(_ number: Int, width: Int = 4) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func write(_ text: String, to root: URL, _ path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
