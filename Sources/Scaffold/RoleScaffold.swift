import Content
import Foundation

/// The files of a new role folder, `rolegen new role <slug> [--from <slug>]`: every file the
/// default locale requires, with `$schema` lines, and every text marked as a placeholder
/// (`TODO: …`) and the figures marked unreviewed (a `todo` field), so that the build refuses
/// the role until an editor has written it — a copy of another role cannot ship by accident.
public enum RoleScaffold {
    /// Relative path → contents, for `content/roles/<slug>/`. `source` is the role to start
    /// from; without it the role gets generic placeholder tasks and skills. `schemaFolder` is
    /// where the site keeps its JSON Schemas, relative to the site root.
    public static func files(slug: String, from source: Role?, site: SiteContent, schemaFolder: String, today: Day) -> [(path: String, contents: String)] {
        let folder = "content/roles/\(slug)"
        let locale = site.config.defaultLocale
        let schema = "../../../\(schemaFolder)"
        let name = words(of: slug)
        let facts = source.map { copiedFacts($0, as: slug, schema: schema, today: today) }
            ?? newFacts(sector: site.sectors.first?.id ?? "TODO", schema: schema, today: today)
        let text = source.map { copiedText(site.text(of: $0, in: locale), role: $0, schema: schema) }
            ?? newText(name: name, schema: schema)
        var files = [
            (path: "\(folder)/role.json", contents: facts),
            (path: "\(folder)/\(locale).json", contents: text),
        ]
        let sourceText = source.map { site.text(of: $0, in: locale) }
        for (kind, original) in [("analysis", sourceText?.analysisMarkdown), ("verdict", sourceText?.verdictMarkdown), ("article", sourceText?.articleMarkdown ?? nil)] {
            if kind == "article" && original == nil { continue }
            let note = "\(placeholderMarker) write the \(kind) for \(name.plural), then delete this line."
            files.append((path: "\(folder)/\(kind).\(locale).md", contents: original.map { "\(note)\n\n\($0)" } ?? "\(note)\n"))
        }
        return files
    }

    /// "data-engineer" → Data Engineer / Data Engineers: a starting point the editor rewrites.
    static func words(of slug: String) -> (singular: String, plural: String) {
        let singular = slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return (singular, singular + "s")
    }

    private static func newFacts(sector: String, schema: String, today: Day) -> String {
        """
        {
          "$schema": "\(schema)/role.schema.json",
          "todo": "New role: replace every figure below with a sourced value.",
          "sector": \(jsonString(sector)),
          "riskScore": 50,
          "automationPotential": 50,
          "saferPeersPercent": 50,
          "impactYears": { "from": 3, "to": 5 },
          "salaryPremium": 10,
          "demandTrend": "stable",
          "tasks": [
            { "id": "first-task", "exposure": "automated" },
            { "id": "second-task", "exposure": "oversight" },
            { "id": "third-task", "exposure": "safe" }
          ],
          "skills": [
            { "id": "first-skill", "resilience": 50 }
          ],
          "replacingTools": [],
          "toolsToLearn": [],
          "relatedRoles": [],
          "lastReviewed": "\(today)"
        }

        """
    }

    private static func newText(name: (singular: String, plural: String), schema: String) -> String {
        let todo = { (text: String) in jsonString("\(placeholderMarker) \(text)") }
        return """
        {
          "$schema": "\(schema)/role-text.schema.json",
          "title": \(todo(name.singular)),
          "titlePlural": \(todo(name.plural)),
          "description": \(todo("one or two sentences about \(name.plural) for search results, at most 160 characters")),
          "tasks": {
            "first-task": \(todo("a task AI already automates")),
            "second-task": \(todo("a task done with AI under human oversight")),
            "third-task": \(todo("a task that stays human"))
          },
          "skills": {
            "first-skill": \(todo("a core skill"))
          },
          "toolReasons": {},
          "roadmap": [
            { "title": \(todo("first phase")), "timeframe": \(todo("0–12 months")), "steps": [\(todo("a first step"))] }
          ],
          "quickWins": [\(todo("something to try this week"))]
        }

        """
    }

    /// The source's facts with the `todo` note: the figures are the source role's, not this one's.
    private static func copiedFacts(_ role: Role, as slug: String, schema: String, today: Day) -> String {
        let list = { (ids: [String]) in "[" + ids.map(jsonString).joined(separator: ", ") + "]" }
        let tasks = role.tasks.map { "    { \"id\": \(jsonString($0.id)), \"exposure\": \"\($0.exposure.rawValue)\" }" }
        let skills = role.skills.map { "    { \"id\": \(jsonString($0.id)), \"resilience\": \($0.resilience) }" }
        var lines = [
            "{",
            "  \"$schema\": \"\(schema)/role.schema.json\",",
            "  \"todo\": \(jsonString("Copied from \(role.slug): replace every figure with this role's own, sourced value.")),",
            "  \"sector\": \(jsonString(role.sector)),",
            "  \"riskScore\": \(role.riskScore),",
            "  \"automationPotential\": \(role.automationPotential),",
            "  \"saferPeersPercent\": \(role.saferPeersPercent),",
            "  \"impactYears\": { \"from\": \(role.impactYears.from), \"to\": \(role.impactYears.to) },",
            "  \"salaryPremium\": \(role.salaryPremium),",
            "  \"demandTrend\": \"\(role.demandTrend.rawValue)\",",
            "  \"tasks\": [\n" + tasks.joined(separator: ",\n") + "\n  ],",
            "  \"skills\": [\n" + skills.joined(separator: ",\n") + "\n  ],",
            "  \"replacingTools\": \(list(role.replacingTools)),",
            "  \"toolsToLearn\": \(list(role.toolsToLearn)),",
            "  \"relatedRoles\": \(list((role.relatedRoles + [role.slug]).filter { $0 != slug })),",
            "  \"lastReviewed\": \"\(today)\"",
        ]
        if !role.illustrative.isEmpty {
            lines[lines.count - 1] += ","
            lines.append("  \"illustrative\": \(list(role.illustrative))")
        }
        lines += ["}", ""]
        return lines.joined(separator: "\n")
    }

    /// The source's default-locale text with every text marked as a placeholder: the editor sees
    /// what to replace, and the build refuses what was not replaced.
    private static func copiedText(_ text: RoleText, role: Role, schema: String) -> String {
        let todo = { (value: String) in jsonString("\(placeholderMarker) \(value)") }
        let map = { (ids: [String], texts: [String: String]) -> String in
            let entries = ids.compactMap { id in texts[id].map { "    \(jsonString(id)): \(todo($0))" } }
            return entries.isEmpty ? "{}" : "{\n" + entries.joined(separator: ",\n") + "\n  }"
        }
        let phases = text.roadmap.map { phase in
            var fields = ["\"title\": \(todo(phase.title))", "\"timeframe\": \(todo(phase.timeframe))"]
            if let summary = phase.summary { fields.append("\"summary\": \(todo(summary))") }
            fields.append("\"steps\": [" + phase.steps.map(todo).joined(separator: ", ") + "]")
            return "    { " + fields.joined(separator: ", ") + " }"
        }
        var lines = [
            "{",
            "  \"$schema\": \"\(schema)/role-text.schema.json\",",
            "  \"title\": \(todo(text.title)),",
            "  \"titlePlural\": \(todo(text.titlePlural)),",
            "  \"description\": \(todo(text.description)),",
            "  \"tasks\": \(map(role.tasks.map(\.id), text.tasks)),",
            "  \"skills\": \(map(role.skills.map(\.id), text.skills)),",
            "  \"toolReasons\": \(map(role.toolsToLearn, text.toolReasons)),",
            "  \"roadmap\": " + (phases.isEmpty ? "[]" : "[\n" + phases.joined(separator: ",\n") + "\n  ]") + ",",
            "  \"quickWins\": [" + text.quickWins.map(todo).joined(separator: ", ") + "]",
        ]
        if !text.faq.isEmpty {
            lines[lines.count - 1] += ","
            let entries = text.faq.map { "    { \"question\": \(todo($0.question)), \"answer\": \(todo($0.answer)) }" }
            lines.append("  \"faq\": [\n" + entries.joined(separator: ",\n") + "\n  ]")
        }
        lines += ["}", ""]
        return lines.joined(separator: "\n")
    }
}
