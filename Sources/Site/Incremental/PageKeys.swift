import Content
import TemplateEngine

/// Which inputs each page depends on, as one key per page: a page whose key is the one the
/// previous build recorded would render to the same bytes, so it is not rendered again.
///
/// - Every page depends on everything outside role folders (site.json, catalogs, string tables,
///   templates and assets, translation records), the list of role folders and the options:
///   coarse, as a change to any of them changes most pages anyway.
/// - A role's page and article depend on its own folder's files, on the number of roles, on its
///   sector's average risk, and on the title and risk of each related role it links to.
/// - The indexes, the root page and the 404 pages depend on every role's slug, sector, risk
///   and title in every locale (the roster), not on the rest of their text.
///
/// The sitemap, robots.txt and assets are not keyed: they are produced every time (cheaply),
/// and written only when their bytes changed.
struct PageKeys: Sendable {
    let model: SiteModel
    let siteWide: UInt64
    let roleKeys: [String: UInt64]
    /// Slug → what other pages show of the role (`rosterEntry`).
    let roster: [String: UInt64]
    /// Every role's roster entry, in role order: what the shared pages depend on.
    let everyRole: UInt64

    /// `siteWide`: `siteWideKey(sources:optionsKey:)`, which a session keeps while only role
    /// folders change. `roster`: every role's entry, when the caller has them (a session, which
    /// updates the edited roles' entries only).
    init(model: SiteModel, siteWide: UInt64, roleKeys: [String: UInt64], roster: [String: UInt64]? = nil) {
        self.model = model
        self.siteWide = siteWide
        self.roleKeys = roleKeys
        let entries =
            roster ?? Dictionary(Array(model.site.roles.indices).concurrentMap { index in
                (model.site.roles[index].slug, Self.rosterEntry(of: model.site.roles, at: index, model: model))
            }, uniquingKeysWith: { $1 })
        // By index, here and below: a `Role` taken from the array is copied, retaining every
        // text it holds.
        var everyRole = StableHash()
        for index in model.site.roles.indices { everyRole.combine(entries[model.site.roles[index].slug] ?? 0) }
        self.roster = entries
        self.everyRole = everyRole.value
    }

    /// What every page depends on: the options and every source outside role folders.
    static func siteWideKey(sources: SourceFingerprints, optionsKey: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.combine(optionsKey)
        hash.combine(sources.siteWideKey())
        return hash.value
    }

    /// Page file → key, for every page of the plan (on every core: a clean build keys every page
    /// before it renders the first).
    func keys(of plan: PagePlan) -> [String: UInt64] {
        let (roles, roleIndex) = (model.site.roles, model.rolesBySlug.index)
        // Each page names the role it belongs to (`PagePlan.Page.role`): its index is looked up,
        // not worked out again from every role's file paths into a table of them all (made on
        // one thread, before any page of a clean build rendered).
        let keys = plan.pages.concurrentMap { page in key(of: page, roles: roles, at: page.role.flatMap { roleIndex[$0] }) }
        return Dictionary(zip(plan.pages.map(\.file), keys), uniquingKeysWith: { $1 })
    }

    /// The key of one page: of `role`'s page or article, or (nil) of a page every role shows on.
    func key(of page: PagePlan.Page, role: Role?) -> UInt64 {
        role.map { key(of: page, roles: [$0], at: 0) } ?? key(of: page, roles: [], at: nil)
    }

    /// `key(of:role:)` of `roles[index]`'s page, read in place.
    func key(of page: PagePlan.Page, roles: [Role], at index: Int?) -> UInt64 {
        var hash = StableHash()
        hash.combine(siteWide)
        hash.combine(page.template)
        hash.combine(page.file)
        if let index {
            hash.combine(roleKeys[roles[index].slug] ?? 0)
            hash.combine(model.site.roles.count)
            let stats = model.sectorStats[roles[index].sector]
            hash.combine(stats?.average ?? -1)
            hash.combine(stats?.count ?? -1)
            for slug in roles[index].relatedRoles {
                hash.combine(slug)
                hash.combine(roster[slug] ?? 0)
            }
        } else {
            hash.combine(everyRole)
        }
        return hash.value
    }

    /// What other pages show of a role: its slug, sector, risk and title in every locale (as
    /// shown, with the language it is written in when it fell back).
    static func rosterEntry(_ role: Role, model: SiteModel) -> UInt64 {
        rosterEntry(of: [role], at: 0, model: model)
    }

    /// `rosterEntry(_:model:)` of `roles[index]`, read in place.
    static func rosterEntry(of roles: [Role], at index: Int, model: SiteModel) -> UInt64 {
        var hash = StableHash()
        hash.combine(roles[index].slug)
        hash.combine(roles[index].sector)
        hash.combine(roles[index].riskScore)
        for locale in model.locales {
            let title = model.titles[locale]?[roles[index].slug]
            hash.combine(locale)
            hash.combine(title?.text ?? "")
            // The language a title is marked with, when not the page's (`ShownText.lang`):
            // read from the value, not described (`String(describing:)` reflects on it).
            if case .string(let language)? = title?.lang { hash.combine(language) } else { hash.combine("") }
        }
        return hash.value
    }
}
