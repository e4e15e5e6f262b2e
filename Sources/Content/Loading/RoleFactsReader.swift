import Diagnostics

/// What the rest of a role is checked against, known before any role is read: the configured
/// locales, the catalogs' ids and every role's slug. Nil catalog ids mean the catalog itself
/// could not be read, so references to it are not checked.
struct RoleContext: Sendable, Equatable {
    var locales: Locales
    var sectorIDs: Set<String>?
    var toolIDs: Set<String>?
    var roleSlugs: Set<String>
    /// The largest Markdown file accepted, in bytes (site.json's `markdownSizeLimit`).
    var markdownSizeLimit: Int
    /// The names of every file a role folder may hold, in order, worked out once for all roles
    /// (as are the two below: each role's reading would otherwise put the names together again).
    let roleFileNames: [String]
    let roleFileNameSet: Set<String>
    /// Per configured locale, in the order of `locales.all`: the names of its files.
    let localeFiles: [LocaleFiles]

    /// The files of one locale a role folder may hold (`RoleFile.all(in:)`), by name.
    struct LocaleFiles {
        var locale: String
        var isDefault: Bool
        /// `<locale>.json`
        var text: String
        /// `<kind>.<locale>.md`, for each kind.
        var markdown: [(kind: MarkdownKind, name: String)]
    }

    /// The files a role may hold follow from the rest.
    static func == (a: RoleContext, b: RoleContext) -> Bool {
        a.locales == b.locales && a.sectorIDs == b.sectorIDs && a.toolIDs == b.toolIDs && a.roleSlugs == b.roleSlugs
            && a.markdownSizeLimit == b.markdownSizeLimit
    }

    init(locales: Locales, sectorIDs: Set<String>?, toolIDs: Set<String>?, roleSlugs: Set<String>, markdownSizeLimit: Int) {
        self.markdownSizeLimit = markdownSizeLimit
        self.locales = locales
        self.sectorIDs = sectorIDs
        self.toolIDs = toolIDs
        self.roleSlugs = roleSlugs
        roleFileNames = ([.facts] + locales.all.flatMap(RoleFile.all(in:))).map(\.name)
        roleFileNameSet = Set(roleFileNames)
        localeFiles = locales.all.map { locale in
            LocaleFiles(
                locale: locale, isDefault: locale == locales.defaultLocale, text: RoleFile.text(locale: locale).name,
                markdown: MarkdownKind.allCases.map { ($0, RoleFile.markdown($0, locale: locale).name) })
        }
    }
}

/// What `role.json` yields: the facts when the file is free of errors, and the ids its texts
/// are checked against whenever they could be read (even if another field is wrong).
struct RoleFacts {
    var role: Role?
    var taskIDs: [String]?
    var skillIDs: [String]?
    var toolsToLearn: [String]?
}

/// Reads a role's `role.json`: the locale-neutral facts.
enum RoleFactsReader {
    static func read(_ check: FileCheck, slug: String, context: RoleContext) -> RoleFacts {
        guard let root = check.root(fields: FieldNames.role) else { return RoleFacts() }
        func percent(_ key: String) -> Int? {
            root.required(key).flatMap { check.integer($0, in: 0...100) }
        }

        let sector = root.required("sector").flatMap { field -> String? in
            let id = check.segment(field, what: "sector id")
            if let id { check.checkReference(id, kind: "sector", known: context.sectorIDs, at: field.value.offset) }
            return id
        }
        let riskScore = percent("riskScore")
        let automationPotential = percent("automationPotential")
        let saferPeersPercent = percent("saferPeersPercent")
        let impactYears = root.required("impactYears").flatMap { readYearRange($0, check: check) }
        let salaryPremium = percent("salaryPremium")
        let demandTrend = root.required("demandTrend").flatMap { check.choice($0, as: DemandTrend.self) }
        let tasks = root.required("tasks").flatMap { readTasks($0, check: check) }
        let skills = root.required("skills").flatMap { readSkills($0, check: check) }
        let replacingTools = root.required("replacingTools").flatMap { check.references($0, kind: "tool", known: context.toolIDs) }
        let toolsToLearn = root.required("toolsToLearn").flatMap { check.references($0, kind: "tool", known: context.toolIDs) }
        let relatedRoles = root.required("relatedRoles").flatMap { readRelatedRoles($0, check: check, slug: slug, context: context) }
        let lastReviewed = root.required("lastReviewed").flatMap(check.day)
        let illustrative = root.optional("illustrative").flatMap { readIllustrative($0, check: check) } ?? []
        let image = root.optional("image").flatMap { SharingImageReader.read($0, check: check, locales: context.locales) }
        if let todo = root.optional("todo") {
            check.report(.unreviewedFigures(note: check.string(todo) ?? ""), at: todo.value.offset)
        }

        var facts = RoleFacts(taskIDs: tasks?.ids, skillIDs: skills?.ids, toolsToLearn: toolsToLearn)
        guard !check.hasErrors, let sector, let riskScore, let automationPotential, let saferPeersPercent, let impactYears,
              let salaryPremium, let demandTrend, let tasks = tasks?.items, let skills = skills?.items,
              let replacingTools, let toolsToLearn,
              let relatedRoles, let lastReviewed
        else { return facts }
        facts.role = Role(
            slug: slug, sector: sector, riskScore: riskScore, automationPotential: automationPotential,
            saferPeersPercent: saferPeersPercent, impactYears: impactYears, salaryPremium: salaryPremium,
            demandTrend: demandTrend, tasks: tasks, skills: skills, replacingTools: replacingTools,
            toolsToLearn: toolsToLearn, relatedRoles: relatedRoles, lastReviewed: lastReviewed,
            illustrative: illustrative, image: image, texts: [:]
        )
        return facts
    }

    /// `{"from": 5, "to": 7}`: years from now, a span that cannot end before it starts.
    private static func readYearRange(_ field: JSONField, check: FileCheck) -> YearRange? {
        guard let object = check.object(field, fields: FieldNames.impactYears) else { return nil }
        let from = object.required("from").flatMap { check.integer($0, in: 0...100) }
        let toField = object.required("to")
        let to = toField.flatMap { check.integer($0, in: 0...100) }
        guard let from, let to, let toField else { return nil }
        guard to >= from else {
            check.report(.endsBeforeStart(fromPath: check.path(to: field, then: "from"), from: from, toPath: check.path(to: toField), to: to),
                         at: toField.value.offset)
            return nil
        }
        return YearRange(from: from, to: to)
    }

    private static func readTasks(_ field: JSONField, check: FileCheck) -> (ids: [String], items: [Role.Task])? {
        readItems(field, check: check, kind: "task", fields: FieldNames.task) { object, id in
            object.required("exposure").flatMap { check.choice($0, as: Exposure.self) }.map { Role.Task(id: id, exposure: $0) }
        }
    }

    private static func readSkills(_ field: JSONField, check: FileCheck) -> (ids: [String], items: [Role.Skill])? {
        readItems(field, check: check, kind: "skill", fields: FieldNames.skill) { object, id in
            object.required("resilience").flatMap { check.integer($0, in: 0...100) }.map { Role.Skill(id: id, resilience: $0) }
        }
    }

    /// An array of objects with a unique safe `id`, the rest read by `item`. Items whose other
    /// fields are wrong are left out of `items` (the file has errors then, so no role is built),
    /// but their ids are kept: a text for such a task is not "for a task the role does not have".
    private static func readItems<Item>(
        _ field: JSONField, check: FileCheck, kind: String, fields: [String], item: (ObjectReader, String) -> Item?
    ) -> (ids: [String], items: [Item])? {
        var seen = FirstOccurrences(count: check.isTrusted ? 0 : field.elementCount)
        var ids: [String] = []
        ids.reserveCapacity(field.elementCount)
        let items = check.list(field) { element -> Item? in
            guard let object = check.object(element, fields: fields),
                  let idField = object.required("id"), let id = check.segment(idField, what: "\(kind) id"),
                  check.isTrusted || seen.insert(id, at: idField.value.offset, check: check, error: { .duplicateID(kind: kind, id: id, firstLine: $0) })
            else { return nil }
            ids.append(id)
            return item(object, id)
        }
        return items.map { (ids, $0) }
    }

    private static func readRelatedRoles(_ field: JSONField, check: FileCheck, slug: String, context: RoleContext) -> [String]? {
        let slugs = check.references(field, kind: "role", known: context.roleSlugs, unsuitable: slug)
        if !check.isTrusted, slugs?.contains(slug) == true, let element = check.array(field)?.first(where: { $0.value.content == .string(slug) }) {
            check.report(.relatedToItself(slug: slug), at: element.value.offset)
        }
        return slugs
    }

    private static func readIllustrative(_ field: JSONField, check: FileCheck) -> [String]? {
        check.uniqueList(field) { element in
            guard let name = check.string(element) else { return nil }
            guard Role.illustrativeFigures.contains(name) else {
                let suggestion = closestMatch(to: name, among: Role.illustrativeFigures)
                check.report(.unknownName(kind: "illustrative figure", name: name, suggestion: suggestion), at: element.value.offset)
                return nil
            }
            return name
        }
    }
}
