import Content
import Diagnostics
import XCTest

/// What a valid site loads into, and how fallback to the default locale works.
final class ContentLoaderTests: XCTestCase {
    private func loadValid() throws -> SiteContent {
        let result = try TestSite.valid.load()
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        return try XCTUnwrap(result.site)
    }

    func testSiteConfig() throws {
        let config = try loadValid().config
        XCTAssertEqual(config.title, "Will AI Replace My Job?")
        XCTAssertEqual(config.baseURL, "https://willaireplace.example/", "normalised to end with /")
        XCTAssertEqual(config.defaultLocale, "en")
        XCTAssertEqual(config.locales, ["en", "fr"])
        XCTAssertEqual(config.urlSegment(.roles, in: "fr"), "metiers")
        XCTAssertEqual(config.urlSegment(.roles, in: "en"), "roles")
        XCTAssertFalse(config.allowRawHTML)
        XCTAssertEqual(config.reportEndpoint, "https://example.org/report")
        XCTAssertEqual(config.sections, Section.standard, "all sections in the standard order by default")
        XCTAssertEqual(Section.standard.map(\.rawValue), [
            "hero", "tasks", "replacingTools", "benchmark", "skills", "analysis", "verdict", "toolsToLearn", "salary",
            "roadmap", "quickWins", "report", "deepDive", "relatedRoles", "faq",
        ])
    }

    func testChosenSectionsAndOptionalSettings() throws {
        var site = TestSite.valid
        site.edit("site.json", replacing: "  \"reportEndpoint\": \"https://example.org/report\"\n", with: """
          "allowRawHTML": true,
          "sections": ["hero", "faq", "tasks"]

        """)
        let config = try XCTUnwrap(try site.load().site?.config)
        XCTAssertEqual(config.sections, [.hero, .faq, .tasks])
        XCTAssertTrue(config.allowRawHTML)
        XCTAssertNil(config.reportEndpoint)
    }

    func testCatalogs() throws {
        let site = try loadValid()
        XCTAssertEqual(site.sectors.map(\.id), ["technology", "finance"], "as written")
        XCTAssertEqual(site.tools.map(\.id), ["github-copilot", "cursor"])
        let copilot = try XCTUnwrap(site.tool("github-copilot"))
        XCTAssertEqual(copilot.name, "GitHub Copilot")
        XCTAssertEqual(copilot.url, "https://github.com/features/copilot")
        XCTAssertEqual(site.toolDescription(copilot, in: "fr"), LocalizedText(text: "Programmeur en binôme IA.", locale: "fr"))
        XCTAssertEqual(site.toolDescription(try XCTUnwrap(site.tool("cursor")), in: "fr"), LocalizedText(text: "AI-first code editor.", locale: "en"), "falls back")
        XCTAssertNil(site.tool("cursor")?.url)
        XCTAssertEqual(site.sectorName(try XCTUnwrap(site.sector("technology")), in: "fr"), LocalizedText(text: "Technologie", locale: "fr"))
        XCTAssertEqual(site.sectorName(try XCTUnwrap(site.sector("finance")), in: "fr"), LocalizedText(text: "Finance", locale: "en"))
        XCTAssertNil(site.sector("health"))
    }

    func testRoleFacts() throws {
        let role = try XCTUnwrap(try loadValid().role("backend-developer"))
        XCTAssertEqual(role.sector, "technology")
        XCTAssertEqual([role.riskScore, role.automationPotential, role.saferPeersPercent, role.salaryPremium], [38, 40, 62, 18])
        XCTAssertEqual(role.impactYears, YearRange(from: 5, to: 7))
        XCTAssertEqual(role.demandTrend, .growing)
        XCTAssertEqual(role.tasks.map(\.id), ["crud-endpoints", "code-reviews", "system-design"], "page order kept")
        XCTAssertEqual(role.tasks.map(\.exposure), [.automated, .oversight, .safe])
        XCTAssertEqual(role.skills.map(\.resilience), [85, 20])
        XCTAssertEqual(role.replacingTools, ["github-copilot", "cursor"])
        XCTAssertEqual(role.toolsToLearn, ["github-copilot"])
        XCTAssertEqual(role.relatedRoles, ["frontend-developer"])
        XCTAssertEqual(role.lastReviewed, Day(year: 2026, month: 10, day: 1))
        XCTAssertEqual(role.lastReviewed.description, "2026-10-01")
        XCTAssertEqual(role.illustrative, ["riskScore"])
        XCTAssertTrue(role.isIllustrative("riskScore"))
        XCTAssertFalse(role.isIllustrative("skills"))
        XCTAssertEqual(Set(role.texts.keys), ["en", "fr"])
        XCTAssertEqual(role.texts["fr"]?.titlePlural, nil, "raw texts have no fallback")
        XCTAssertEqual(try loadValid().role("frontend-developer")?.lastReviewed.description, "2024-02-29", "a leap day")
    }

    func testDefaultLocaleText() throws {
        let site = try loadValid()
        let text = site.text(of: try XCTUnwrap(site.role("backend-developer")), in: "en")
        XCTAssertEqual(text.title, "Backend Developer")
        XCTAssertEqual(text.tasks["crud-endpoints"], "Writing basic CRUD API endpoints")
        XCTAssertEqual(text.skills, ["system-design": "System design", "boilerplate": "Boilerplate"])
        XCTAssertEqual(text.toolReasons, ["github-copilot": "Essential for API work"])
        XCTAssertEqual(text.roadmap, [RoadmapPhase(title: "AI-Augmented Developer", timeframe: "0–12 months", summary: "Master AI tools", steps: ["Learn Copilot"])])
        XCTAssertEqual(text.quickWins, ["Install GitHub Copilot"])
        XCTAssertEqual(text.faq, [FAQEntry(question: "Will AI replace me?", answer: "Not soon.")])
        XCTAssertEqual(text.analysisMarkdown, "Backend development is *resilient*.\n")
        XCTAssertNil(text.articleMarkdown, "no article in the default locale: no article")
    }

    func testPartialTranslationFallsBackFieldByFieldAndPerID() throws {
        let site = try loadValid()
        let french = site.text(of: try XCTUnwrap(site.role("backend-developer")), in: "fr")
        XCTAssertEqual(french.title, "Développeur Backend")
        XCTAssertEqual(french.titlePlural, "Backend Developers")
        XCTAssertEqual(french.tasks, [
            "crud-endpoints": "Écrire des endpoints CRUD",
            "code-reviews": "Code reviews",
            "system-design": "Architecting scalable systems",
        ])
        XCTAssertEqual(french.analysisMarkdown, "Le développement backend est *résilient*.\n")
        XCTAssertEqual(french.verdictMarkdown, "Relatively secure.\n")

        let frontend = try XCTUnwrap(site.role("frontend-developer"))
        var frenchFrontend = site.text(of: frontend, in: "fr")
        XCTAssertEqual(frenchFrontend.fallbackFields, [
            "analysis", "article", "description", "title", "titlePlural", "verdict",
        ], "its empty roadmap and quick wins are nothing to translate")
        XCTAssertEqual(site.text(of: frontend, in: "en").fallbackFields, [], "the default locale never falls back")
        frenchFrontend.fallbackFields = []
        XCTAssertEqual(frenchFrontend, site.text(of: frontend, in: "en"), "no French at all: all English")
        XCTAssertEqual(site.text(of: frontend, in: "fr").articleMarkdown, "# Deep dive\n")
    }

    /// A text's items are the role's tasks, skills and tools to learn in the facts' order (not
    /// their ids' order, which their units follow), each with its text and whether its field
    /// fell back; setting the fallback fields sets the items' to match.
    func testItemTextsFollowTheFactsAndTheirFallbackFields() throws {
        let site = try loadValid()
        let backend = try XCTUnwrap(site.role("backend-developer"))
        XCTAssertNotEqual(backend.tasks.map(\.id), backend.tasks.map(\.id).sorted(), "the test needs facts out of their ids' order")
        for role in site.roles {
            for locale in ["en", "fr"] {
                let text = site.text(of: role, in: locale)
                let groups: [(String, [String], [ItemText])] = [
                    ("tasks", role.tasks.map(\.id), text.taskTexts), ("skills", role.skills.map(\.id), text.skillTexts),
                    ("toolReasons", role.toolsToLearn, text.toolReasonTexts),
                ]
                for (group, ids, items) in groups {
                    XCTAssertEqual(items.map(\.id), ids, "\(role.slug) \(locale) \(group)")
                    for item in items {
                        XCTAssertEqual(item.isFallback, text.isFallback("\(group).\(item.id)"), "\(role.slug) \(locale) \(group).\(item.id)")
                    }
                }
                XCTAssertEqual(text.tasks.count, text.taskTexts.count { $0.text != nil })
            }
        }
        var french = site.text(of: backend, in: "fr")
        XCTAssertEqual(french.taskTexts.map(\.text), ["Écrire des endpoints CRUD", "Code reviews", "Architecting scalable systems"])
        XCTAssertEqual(french.taskTexts.map(\.isFallback), [false, true, true])
        french.fallbackFields = ["tasks.crud-endpoints", "skills.boilerplate"]
        XCTAssertEqual(french.taskTexts.map(\.isFallback), [true, false, false])
        XCTAssertEqual(french.skillTexts.filter(\.isFallback).map(\.id), ["boilerplate"])
    }

    /// Texts written in another order than the role's facts (which a table of them places)
    /// still come out in the facts' order, in the written texts and the resolved ones.
    func testItemTextsWrittenOutOfOrderAreReadInTheFactsOrder() throws {
        var site = TestSite.valid
        site.edit(TestSite.backendEnglish, replacing: """
            "crud-endpoints": "Writing basic CRUD API endpoints",
            "code-reviews": "Code reviews",
            "system-design": "Architecting scalable systems"
        """, with: """
            "system-design": "Architecting scalable systems",
            "crud-endpoints": "Writing basic CRUD API endpoints",
            "code-reviews": "Code reviews"
        """)
        site.files[TestSite.backendFrench] = #"{ "tasks": { "system-design": "Concevoir", "crud-endpoints": "Écrire des endpoints CRUD" } }"#
        let loaded = try XCTUnwrap(site.load().site)
        let backend = try XCTUnwrap(loaded.role("backend-developer"))
        XCTAssertEqual(backend.tasks.map(\.id), ["crud-endpoints", "code-reviews", "system-design"])
        XCTAssertEqual(backend.texts["en"]?.taskTexts, ["Writing basic CRUD API endpoints", "Code reviews", "Architecting scalable systems"])
        XCTAssertEqual(backend.texts["fr"]?.taskTexts, ["Écrire des endpoints CRUD", nil, "Concevoir"])
        let french = loaded.text(of: backend, in: "fr")
        XCTAssertEqual(french.taskTexts.map(\.text), ["Écrire des endpoints CRUD", "Code reviews", "Concevoir"])
        XCTAssertEqual(french.taskTexts.map(\.isFallback), [false, true, false])
        XCTAssertEqual(french.tasks, ["crud-endpoints": "Écrire des endpoints CRUD", "code-reviews": "Code reviews", "system-design": "Concevoir"])
    }

    func testFallbacksAreRecordedAndSorted() throws {
        XCTAssertEqual(try loadValid().fallbacks.map(\.description), [
            "fr: sectors.finance.name",
            "fr: strings.report.button",
            "fr: tools.cursor.description",
            "fr: backend-developer: description",
            "fr: backend-developer: faq",
            "fr: backend-developer: quickWins",
            "fr: backend-developer: roadmap",
            "fr: backend-developer: skills.boilerplate",
            "fr: backend-developer: skills.system-design",
            "fr: backend-developer: tasks.code-reviews",
            "fr: backend-developer: tasks.system-design",
            "fr: backend-developer: titlePlural",
            "fr: backend-developer: toolReasons.github-copilot",
            "fr: backend-developer: verdict",
            "fr: frontend-developer: analysis",
            "fr: frontend-developer: article",
            "fr: frontend-developer: description",
            "fr: frontend-developer: title",
            "fr: frontend-developer: titlePlural",
            "fr: frontend-developer: verdict",
        ])
        XCTAssertEqual(try loadValid().fallbacks.first, Fallback(
            role: nil, locale: "fr", field: "sectors.finance.name",
            place: TranslationPlace(file: "content/sectors.json", key: "sectors.finance.name.fr")))
    }

    /// Each fallback names the file and key where its translation belongs, so a translator (and
    /// `--strict`) is sent to the right place, including files that do not exist yet.
    func testFallbacksNameTheFileAndKeyOfTheMissingTranslation() throws {
        let places = Dictionary(uniqueKeysWithValues: try loadValid().fallbacks.map { ($0.description, $0.place.description) })
        XCTAssertEqual(places["fr: strings.report.button"], "locales/fr.json#report.button")
        XCTAssertEqual(places["fr: tools.cursor.description"], "content/tools.json#tools.cursor.description.fr")
        XCTAssertEqual(places["fr: backend-developer: tasks.code-reviews"], "content/roles/backend-developer/fr.json#tasks.code-reviews")
        XCTAssertEqual(places["fr: backend-developer: verdict"], "content/roles/backend-developer/verdict.fr.md")
        XCTAssertEqual(places["fr: frontend-developer: title"], "content/roles/frontend-developer/fr.json#title")
    }

    /// Every value another locale could translate is one unit, translated or not; fallbacks are
    /// exactly the untranslated units.
    func testTranslationUnitsCoverTranslatedAndFallbackValues() throws {
        let site = try loadValid()
        let units = site.translations.filter { $0.role == "backend-developer" }
        let translated = units.filter(\.isTranslated).map(\.field)
        XCTAssertTrue(translated.contains("title"))
        XCTAssertTrue(translated.contains("tasks.crud-endpoints"))
        XCTAssertTrue(translated.contains("analysis"))
        XCTAssertEqual(site.fallbacks, site.translations.compactMap(\.fallback))
        XCTAssertEqual(units.first { $0.field == "title" }?.source, "Backend Developer")
        XCTAssertTrue(site.translations.allSatisfy { $0.locale == "fr" }, "the default locale has nothing to translate")
    }

    func testLocaleWithoutStringTableFallsBackEntirely() throws {
        var site = TestSite.valid
        site.files["locales/fr.json"] = nil
        let content = try XCTUnwrap(try site.load().site)
        XCTAssertNil(content.strings["fr"])
        XCTAssertEqual(content.fallbacks.filter { $0.field.hasPrefix("strings.") }.map(\.field), ["strings.hero.title", "strings.report.button"])
        XCTAssertEqual(content.uiStrings(in: "fr")["hero.title"]?.value, "Will AI replace {titlePlural}?")
    }

    func testUIStringsAreFlattenedWithLocationsAndFallBackPerKey() throws {
        let site = try loadValid()
        XCTAssertEqual(site.strings["en"]?.locale, "en")
        XCTAssertEqual(site.strings["en"]?.entries.keys.sorted(), ["hero.title", "report.button"])
        let french = site.uiStrings(in: "fr")
        XCTAssertEqual(french["hero.title"]?.value, "L'IA va-t-elle remplacer les {titlePlural} ?")
        XCTAssertEqual(french["hero.title"]?.location, SourceLocation(file: "locales/fr.json", line: 2, column: 22))
        XCTAssertEqual(french["report.button"]?.value, "Get Your Full Risk Report")
        XCTAssertEqual(french["report.button"]?.location.description, "locales/en.json:4:25")
        XCTAssertEqual(site.uiStrings(in: "en").count, 2)
    }

    func testDayValidation() {
        XCTAssertEqual(Day(year: 987, month: 1, day: 9)?.description, "0987-01-09", "padded to four, two and two digits")
        XCTAssertEqual(Day(year: 9999, month: 12, day: 31)?.description, "9999-12-31")
        XCTAssertNotNil(Day("2024-02-29"))
        XCTAssertNil(Day("2023-02-29"))
        XCTAssertNil(Day("1900-02-29"), "not a leap year: divisible by 100")
        XCTAssertNotNil(Day("2000-02-29"), "a leap year: divisible by 400")
        XCTAssertNil(Day("2026-04-31"))
        XCTAssertNil(Day("2026-13-01"))
        XCTAssertNil(Day("2026-1-01"))
        XCTAssertNil(Day("2026-01-01T00:00"))
        XCTAssertNil(Day("+026-01-01"))
        XCTAssertTrue(Day("2026-01-31")! < Day("2026-02-01")!)
    }
}
