import Content
import Foundation

/// `rolegen init <dir>`: a minimal site that builds with no error and no warning — one sector,
/// one role in English and French, the example site's templates and string tables, JSON Schemas
/// and editor settings — for a new site to grow from.
public enum SiteScaffold {
    /// The folder, relative to the site root, where `init` and `rolegen schemas` put schemas.
    public static let schemaFolder = "schemas"

    /// Relative path → bytes of every file of the new site.
    public static func files(title: String) -> [(path: String, bytes: [UInt8])] {
        let images = EmbeddedFiles.binaries.filter { $0.path.hasPrefix("templates/") }.map {
            (path: $0.path, bytes: [UInt8](Data(base64Encoded: $0.base64) ?? Data()))
        }
        return textFiles(title: title).map { (path: $0.path, bytes: Array($0.contents.utf8)) } + images
    }

    private static func textFiles(title: String) -> [(path: String, contents: String)] {
        let copied = EmbeddedFiles.all.filter { $0.path.hasPrefix("templates/") || $0.path.hasPrefix("locales/") }.map {
            (path: $0.path, contents: $0.contents.replacingOccurrences(of: "\"../docs/schemas/", with: "\"../\(schemaFolder)/"))
        }
        let schemas = SchemaScaffold.files(for: nil).map { (path: "\(schemaFolder)/\($0.path)", contents: $0.contents) }
        return [
            (path: "site.json", contents: siteConfig(title: title)),
            (path: "content/sectors.json", contents: sectors),
            (path: "content/tools.json", contents: tools),
            (path: "content/roles/data-analyst/role.json", contents: role),
            (path: "content/roles/data-analyst/en.json", contents: englishText),
            (path: "content/roles/data-analyst/fr.json", contents: frenchText),
            (path: "content/roles/data-analyst/analysis.en.md", contents: "Data analysts spend less time writing queries and more time deciding which questions matter. Replace this text with your own analysis.\n"),
            (path: "content/roles/data-analyst/analysis.fr.md", contents: "Les analystes de données écrivent moins de requêtes et passent plus de temps à choisir les bonnes questions. Remplacez ce texte par votre analyse.\n"),
            (path: "content/roles/data-analyst/verdict.en.md", contents: "Moderately exposed: AI writes the queries, people still frame the questions.\n"),
            (path: "content/roles/data-analyst/verdict.fr.md", contents: "Exposition modérée : l'IA écrit les requêtes, les humains posent toujours les questions.\n"),
            (path: ".vscode/settings.json", contents: SchemaScaffold.vscodeSettings(folder: schemaFolder)),
        ] + copied + schemas
    }

    private static func siteConfig(title: String) -> String {
        """
        {
          "$schema": "\(schemaFolder)/site.schema.json",
          "title": \(jsonString(title)),
          "baseURL": "https://example.org/",
          "defaultLocale": "en",
          "locales": ["en", "fr"],
          "urlSegments": {
            "fr": { "roles": "metiers", "article": "analyse-complete" }
          },
          "allowRawHTML": false
        }

        """
    }

    private static let sectors = """
        {
          "$schema": "../\(schemaFolder)/sectors.schema.json",
          "sectors": [
            { "id": "technology", "name": { "en": "Technology", "fr": "Technologie" } }
          ]
        }

        """

    private static let tools = """
        {
          "$schema": "../\(schemaFolder)/tools.schema.json",
          "tools": [
            {
              "id": "sql-assistant",
              "name": "SQL Assistant",
              "description": {
                "en": "Writes and explains SQL queries from a question in plain language.",
                "fr": "Écrit et explique des requêtes SQL à partir d'une question en langage courant."
              }
            }
          ]
        }

        """

    private static let role = """
        {
          "$schema": "../../../\(schemaFolder)/role.schema.json",
          "sector": "technology",
          "riskScore": 45,
          "automationPotential": 50,
          "saferPeersPercent": 40,
          "impactYears": { "from": 3, "to": 5 },
          "salaryPremium": 12,
          "demandTrend": "stable",
          "tasks": [
            { "id": "routine-queries", "exposure": "automated" },
            { "id": "dashboards", "exposure": "oversight" },
            { "id": "framing-questions", "exposure": "safe" }
          ],
          "skills": [
            { "id": "sql", "resilience": 30 },
            { "id": "business-judgement", "resilience": 85 }
          ],
          "replacingTools": ["sql-assistant"],
          "toolsToLearn": ["sql-assistant"],
          "relatedRoles": [],
          "lastReviewed": "2026-12-01",
          "illustrative": ["riskScore", "automationPotential", "saferPeersPercent", "impactYears", "salaryPremium", "demandTrend", "skills"]
        }

        """

    private static let englishText = """
        {
          "$schema": "../../../\(schemaFolder)/role-text.schema.json",
          "title": "Data Analyst",
          "titlePlural": "Data Analysts",
          "description": "Will AI replace data analysts? Which tasks AI already does, which skills stay human, and how to adapt. Example content with illustrative figures.",
          "tasks": {
            "routine-queries": "Writing routine SQL queries",
            "dashboards": "Building and updating dashboards",
            "framing-questions": "Framing the questions worth answering"
          },
          "skills": {
            "sql": "SQL",
            "business-judgement": "Business judgement"
          },
          "toolReasons": {
            "sql-assistant": "Drafts queries you review instead of writing"
          },
          "roadmap": [
            {
              "title": "AI-Assisted Analyst",
              "timeframe": "0–12 months",
              "steps": ["Let an assistant draft routine queries", "Review every generated query before you share its result"]
            }
          ],
          "quickWins": ["Ask an assistant to explain a query you inherited", "Rebuild one dashboard with AI help and compare the time it took"]
        }

        """

    private static let frenchText = """
        {
          "$schema": "../../../\(schemaFolder)/role-text.schema.json",
          "title": "Analyste de données",
          "titlePlural": "Analystes de données",
          "description": "L'IA va-t-elle remplacer les analystes de données ? Les tâches déjà automatisées, les compétences qui restent humaines et comment s'adapter.",
          "tasks": {
            "routine-queries": "Écrire des requêtes SQL courantes",
            "dashboards": "Construire et mettre à jour des tableaux de bord",
            "framing-questions": "Formuler les questions qui valent une réponse"
          },
          "skills": {
            "sql": "SQL",
            "business-judgement": "Sens des affaires"
          },
          "toolReasons": {
            "sql-assistant": "Rédige des requêtes que vous relisez au lieu de les écrire"
          },
          "roadmap": [
            {
              "title": "Analyste assisté par l'IA",
              "timeframe": "0 à 12 mois",
              "steps": ["Confier les requêtes courantes à un assistant", "Relire chaque requête générée avant d'en partager le résultat"]
            }
          ],
          "quickWins": ["Demander à un assistant d'expliquer une requête dont vous avez hérité", "Refaire un tableau de bord avec l'IA et comparer le temps passé"]
        }

        """
}
