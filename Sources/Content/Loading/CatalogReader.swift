/// What a catalog file yields: its complete entries, and the ids of every entry whose id could
/// be read, which roles are checked against even when another field of the entry is wrong.
struct Catalog<Item> {
    var items: [Item]
    var ids: Set<String>
}

/// Reads `content/sectors.json` and `content/tools.json`: `{"sectors": [...]}`, `{"tools": [...]}`.
enum CatalogReader {
    static func readSectors(_ check: FileCheck, locales: Locales) -> Catalog<Sector>? {
        readEntries(check, listName: "sectors", fileFields: FieldNames.sectorsFile, entryFields: FieldNames.sector) { entry, id in
            let name = entry.required("name").flatMap { check.localizedText($0, locales: locales) }
            return name.map { Sector(id: id, name: $0) }
        }
    }

    static func readTools(_ check: FileCheck, locales: Locales) -> Catalog<Tool>? {
        readEntries(check, listName: "tools", fileFields: FieldNames.toolsFile, entryFields: FieldNames.tool) { entry, id in
            let name = entry.required("name").flatMap(check.string)
            let url = entry.optional("url").flatMap(check.url)
            let description = entry.required("description").flatMap { check.localizedText($0, locales: locales) }
            guard let name, let description else { return nil }
            return Tool(id: id, name: name, url: url, description: description)
        }
    }

    /// The list under `listName`: objects with a unique, safe `id`, the rest read by `item`.
    /// Nil when the file or the list cannot be read at all (then the ids are unknown).
    private static func readEntries<Item>(
        _ check: FileCheck, listName: String, fileFields: [String], entryFields: [String],
        item: (ObjectReader, String) -> Item?
    ) -> Catalog<Item>? {
        guard let root = check.root(fields: fileFields),
              let list = root.required(listName), let elements = check.array(list)
        else { return nil }
        let kind = String(listName.dropLast())  // "tools" → "tool"
        var catalog = Catalog<Item>(items: [], ids: [])
        var seen = FirstOccurrences()
        for element in elements {
            guard let entry = check.object(element, fields: entryFields),
                  let idField = entry.required("id"), let id = check.segment(idField, what: "\(kind) id"),
                  seen.insert(id, at: idField.value.offset, check: check, error: { .duplicateID(kind: kind, id: id, firstLine: $0) })
            else { continue }
            catalog.ids.insert(id)
            if let item = item(entry, id) { catalog.items.append(item) }
        }
        return catalog
    }
}
