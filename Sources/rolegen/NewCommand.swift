import ArgumentParser
import Content
import Diagnostics
import Foundation
import Scaffold

extension Rolegen {
    /// `rolegen new role`: scaffolds for editors.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start something new in a site from a scaffold.",
            subcommands: [NewRole.self])
    }

    struct NewRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: "Write a new role folder with every file the default locale needs.",
            discussion: """
                Every text is a placeholder starting with `TODO:` and role.json carries a `todo` \
                note: the build refuses the role until each is replaced, so a scaffold (or a copy \
                made with --from) is never published by accident.
                """)

        @Option(name: .long, help: ArgumentHelp("The site root (holds site.json).", valueName: "dir"))
        var root: String = "."

        @Argument(help: ArgumentHelp("The new role's slug: its folder name and URL (lowercase letters, digits and hyphens).", valueName: "slug"))
        var slug: String

        @Option(name: .long, help: ArgumentHelp("Start from a copy of this role's facts and default-locale text.", valueName: "slug"))
        var from: String?

        func validate() throws {
            guard isSafeURLSegment(slug) else {
                throw ValidationError("`\(slug)` is not a valid slug: use lowercase letters, digits and single hyphens (data-engineer)")
            }
        }

        func run() throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
            let folder = rootURL.appendingPathComponent("content/roles/\(slug)")
            guard !FileManager.default.fileExists(atPath: folder.path) else {
                throw ValidationError("content/roles/\(slug)/ already exists: choose another slug, or edit that role")
            }
            let site = try loadSiteContent(root: root)
            var source: Role?
            if let from {
                guard let role = site.role(from) else {
                    throw ValidationError("no role `\(from)` to start from" + didYouMean(from, among: site.roles.map(\.slug)))
                }
                source = role
            }
            let schemaFolder = ["schemas", "docs/schemas"].first {
                FileManager.default.fileExists(atPath: rootURL.appendingPathComponent("\($0)/role.schema.json").path)
            } ?? "schemas"
            let files = RoleScaffold.files(slug: slug, from: source, site: site, schemaFolder: schemaFolder, today: .today)
            for file in files {
                let url = rootURL.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
                print("wrote \(file.path)")
            }
            print("Replace every `TODO:` text and the `todo` note in role.json; `rolegen check` lists what is left.")
        }
    }
}

extension Day {
    /// Today's date in UTC, for `lastReviewed` in a scaffold.
    static var today: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension Rolegen {
    /// `rolegen init <dir>`: a new site.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new site that builds as it is: one sector, one role in English and French, templates, string tables, JSON Schemas and editor settings.")

        @Argument(help: ArgumentHelp("The folder of the new site: absent or empty.", valueName: "dir"))
        var directory: String

        @Option(name: .long, help: ArgumentHelp("The site's title.", valueName: "title"))
        var title = "Will AI Replace My Job?"

        func run() throws {
            let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: root.path), !entries.isEmpty {
                throw ValidationError("\(directory) is not empty: rolegen init writes a new site into an absent or empty folder")
            }
            let files = SiteScaffold.files(title: title)
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url, options: .withoutOverwriting)
            }
            print("wrote a new site in \(directory) (\(files.count) files): `cd \(directory) && rolegen build`, then `rolegen new role <slug>` to add roles")
        }
    }

    /// `rolegen schemas`: JSON Schemas that know the site's ids.
    struct Schemas: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write JSON Schemas for the site's files with its own ids (sectors, tools, roles, tasks, skills) as enums, for editor completion.",
            discussion: "Run it again after adding a sector, a tool, a role, a task or a skill. Writes .vscode/settings.json too when there is none.")

        @Option(name: .long, help: ArgumentHelp("The site root (holds site.json).", valueName: "dir"))
        var root: String = "."

        @Option(name: .long, help: ArgumentHelp("The schema folder, relative to the root.", valueName: "dir"))
        var output: String = SiteScaffold.schemaFolder

        func run() throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
            let site = try loadSiteContent(root: root)
            let folder = rootURL.appendingPathComponent(output)
            let files = SchemaScaffold.files(for: site)
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            }
            print("wrote \(files.count) schemas in \(output)/")
            let settings = rootURL.appendingPathComponent(".vscode/settings.json")
            if !FileManager.default.fileExists(atPath: settings.path) {
                try FileManager.default.createDirectory(at: settings.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(SchemaScaffold.vscodeSettings(folder: output).utf8).write(to: settings)
                print("wrote .vscode/settings.json")
            }
        }
    }
}
