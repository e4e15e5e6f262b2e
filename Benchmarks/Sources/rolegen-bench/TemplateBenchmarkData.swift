import TemplateEngine

/// The data of one role page ("Will AI replace Backend Developers?"), as the site would give it
/// to the templates in Benchmarks/Fixtures/templates. Taken from the reference page
/// (shared/seeds/backend-developer.en.txt), with the markup-only values a real build computes.
enum TemplateBenchmarkData {
    static let page: TemplateValue = [
        "locale": "en",
        "path": "/en/will-ai-replace/backend-developer/",
        "alternates": [
            ["locale": "en", "path": "/en/will-ai-replace/backend-developer/"],
            ["locale": "fr", "path": "/fr/l-ia-va-t-elle-remplacer/backend-developer/"],
        ],
        "site": [
            "name": "Will AI Replace Me?",
            "tagline": "How exposed is your job to AI? Task-by-task analysis for 400 roles.",
            "baseURL": "https://willaireplace.example",
            "year": 2026,
            "nav": [
                ["url": "/en/roles/", "label": "All roles"],
                ["url": "/en/sectors/", "label": "Sectors"],
                ["url": "/en/methodology/", "label": "Methodology"],
                ["url": "/en/audit/", "label": "Free audit"],
            ],
        ],
        "role": [
            "slug": "backend-developer",
            "title": "Backend Developer",
            "plural": "Backend Developers",
            "sector": "Technology",
            "updated": "2026-03-01",
            "risk": 40,
            "riskLevel": "moderate",
            "timeline": "5-7 years",
            "percentile": 62,
            "demand": "Growing",
            "summary": "Backend developers face moderate AI exposure: routine coding is automating fast, while architecture, security and production ownership stay human.",
            "jsonLD": #"{"@context":"https://schema.org","@type":"Occupation","name":"Backend Developer","occupationalCategory":"15-1252","description":"Backend developers build & run the server side of applications."}"#,
        ],
        "tasks": [
            [
                "kind": "automated", "label": "Already automated", "count": 5,
                "items": [
                    "Writing basic CRUD API endpoints",
                    "Generating boilerplate code and configurations",
                    "Creating simple database queries and migrations",
                    "Writing unit tests for straightforward functions",
                    "Formatting and linting code automatically",
                ],
            ],
            [
                "kind": "augmented", "label": "Needs human oversight", "count": 6,
                "items": [
                    "Debugging complex performance bottlenecks",
                    "Designing database schemas for new features",
                    "Refactoring legacy codebases",
                    "Implementing security authentication flows",
                    "Code reviews and optimization suggestions",
                    "API documentation generation",
                ],
            ],
            [
                "kind": "human", "label": "Remains human", "count": 6,
                "items": [
                    "Architecting scalable microservices systems",
                    "Making technology stack decisions for projects",
                    "Collaborating with product teams on requirements",
                    "Incident response and production troubleshooting",
                    "Mentoring junior developers",
                    "Strategic technical planning and roadmapping",
                ],
            ],
        ],
        "tools": [
            ["name": "GitHub Copilot", "url": "https://github.com/features/copilot", "description": "AI pair programmer that writes, completes, and reviews code in real time.", "adoption": 78],
            ["name": "Cursor", "url": "https://cursor.com", "description": "AI-first code editor with multi-file context and codebase-wide edits.", "adoption": 41],
            ["name": "Tabnine", "url": "https://www.tabnine.com", "description": "Privacy-first AI code completion trained on your own codebase.", "adoption": 23],
            ["name": "Devin", "url": "https://devin.ai", "description": "Autonomous AI software engineer that can plan and implement features end-to-end.", "adoption": false],
        ],
        "peers": [
            ["title": "Data Entry Clerk", "url": "/en/will-ai-replace/data-entry-clerk/", "risk": 91, "current": false],
            ["title": "QA Tester", "url": "/en/will-ai-replace/qa-tester/", "risk": 63, "current": false],
            ["title": "Frontend Developer", "url": "/en/will-ai-replace/frontend-developer/", "risk": 47, "current": false],
            ["title": "Backend Developer", "url": "/en/will-ai-replace/backend-developer/", "risk": 40, "current": true],
            ["title": "DevOps Engineer", "url": "/en/will-ai-replace/devops-engineer/", "risk": 34, "current": false],
            ["title": "Security Engineer", "url": "/en/will-ai-replace/security-engineer/", "risk": 22, "current": false],
        ],
        "chart": ["height": 264],
        "skills": skills,
        "analysisHTML": """
            <p>Backend development represents one of the more resilient technical roles in the current AI wave, with automation primarily targeting <em>routine coding tasks</em> rather than core engineering responsibilities. Current AI tools like GitHub Copilot and ChatGPT excel at generating standard API endpoints, database queries, and boilerplate code, but struggle with complex system architecture, performance optimization, and business logic implementation that requires deep contextual understanding.</p>
            <p>Near-term changes will likely enhance developer productivity rather than eliminate positions, as AI handles repetitive tasks while humans focus on design, debugging, and strategic technical decisions. The role is evolving toward <strong>AI-augmented development</strong> where engineers leverage tools for faster implementation while maintaining ownership of architecture, security, and system reliability.</p>
            <p>Long-term outlook remains positive for developers who adapt to AI-assisted workflows and develop expertise in areas requiring human judgment: system design, cross-team collaboration, and complex problem-solving. The key to career resilience lies in embracing AI tools as productivity multipliers while developing skills in architecture, leadership, and domain-specific expertise that AI cannot replicate.</p>
            <p>Backend developers who position themselves as AI-savvy technical leaders will likely see increased demand and compensation as organizations seek professionals who can effectively integrate AI tools into development workflows.</p>
            """,
        "verdict": "Backend developers occupy a relatively secure position in the AI transformation, with moderate displacement risk concentrated in routine coding tasks rather than core responsibilities. While AI excels at generating boilerplate code and simple functions, the complex system design, architecture decisions, and cross-functional collaboration that define senior backend roles remain firmly in human territory. The profession is shifting toward higher-level problem-solving and AI-augmented productivity rather than replacement.",
        "toolsToLearn": [
            ["name": "GitHub Copilot", "reason": "Essential for accelerating API development and reducing boilerplate coding time"],
            ["name": "ChatGPT/Claude for Development", "reason": "Critical for debugging, code explanation, and architecture brainstorming"],
            ["name": "Cursor IDE", "reason": "Provides contextual code suggestions and refactoring for backend projects"],
            ["name": "Tabnine", "reason": "Offers team-trained models for consistent coding patterns in backend systems"],
            ["name": "Codium AI", "reason": "Automates unit test creation for backend APIs and business logic"],
        ],
        "salary": ["premium": 18.5, "trend": "up", "trendLabel": "Rising", "median": "$128,000"],
        "roadmap": [
            [
                "when": "0–6 months", "title": "AI-Augmented Developer",
                "summary": "Master AI coding tools while strengthening core development fundamentals",
                "steps": [
                    "Learn GitHub Copilot and ChatGPT for code generation",
                    "Practice prompt engineering for development tasks",
                    "Focus on system design and architecture principles",
                    "Build expertise in cloud platforms and containerization",
                ],
            ],
            [
                "when": "6–18 months", "title": "Technical Lead with AI Specialization",
                "summary": "Transition to leadership roles while developing AI integration expertise",
                "steps": [
                    "Lead teams using AI-assisted development workflows",
                    "Specialize in ML/AI backend infrastructure",
                    "Develop expertise in distributed systems and microservices",
                    "Build skills in technical mentoring and code architecture",
                ],
            ],
            [
                "when": "18+ months", "title": "AI-Era Engineering Manager or Principal Engineer",
                "summary": "Focus on strategic technical decisions and complex problem-solving",
                "steps": [
                    "Drive AI adoption strategies for development teams",
                    "Architect enterprise-scale systems and platforms",
                    "Develop expertise in emerging technologies and frameworks",
                    "Focus on business-technical alignment and strategic planning",
                ],
            ],
        ],
        "quickWins": [
            "Install GitHub Copilot and practice using it for your next API endpoint",
            "Use ChatGPT to explain and optimize a complex database query you wrote recently",
            "Try AI-assisted code review by having Claude analyze your latest pull request",
            "Experiment with prompt engineering to generate configuration files and deployment scripts",
        ],
        "related": [
            ["title": "Frontend Developer", "url": "/en/will-ai-replace/frontend-developer/", "risk": 47, "riskLevel": "moderate"],
            ["title": "Full Stack Developer", "url": "/en/will-ai-replace/full-stack-developer/", "risk": 43, "riskLevel": "moderate"],
            ["title": "DevOps Engineer", "url": "/en/will-ai-replace/devops-engineer/", "risk": 34, "riskLevel": "low"],
            ["title": "Data Engineer", "url": "/en/will-ai-replace/data-engineer/", "risk": 38, "riskLevel": "low"],
            ["title": "Mobile Developer", "url": "/en/will-ai-replace/mobile-developer/", "risk": 45, "riskLevel": "moderate"],
            ["title": "QA Tester", "url": "/en/will-ai-replace/qa-tester/", "risk": 63, "riskLevel": "high"],
        ],
        "faq": [
            ["question": "Will AI replace Backend Developers completely?", "answer": "Backend developers occupy a relatively secure position in the AI transformation, with moderate displacement risk concentrated in routine coding tasks rather than core responsibilities. While AI excels at generating boilerplate code and simple functions, the complex system design, architecture decisions, and cross-functional collaboration that define senior backend roles remain firmly in human territory."],
            ["question": "Which Backend Developer tasks are most at risk from AI?", "answer": "Writing basic CRUD API endpoints, Generating boilerplate code and configurations, Creating simple database queries and migrations, and more."],
            ["question": "What skills should a Backend Developer develop to stay relevant?", "answer": "Install GitHub Copilot and practice using it for your next API endpoint. Use ChatGPT to explain and optimize a complex database query you wrote recently."],
            ["question": "How long until AI significantly impacts Backend Developer jobs?", "answer": "The current projection for significant AI impact on Backend Developer roles is within 5-7 years. This is based on current automation potential of 40% and the pace of AI tool adoption in the Technology sector."],
            ["question": "Is it still worth learning backend development in 2026?", "answer": "Yes: demand for engineers who can design, secure and operate systems keeps growing, and AI tools make each developer more productive rather than redundant."],
        ],
        "t": strings,
    ]

    /// Skills with the geometry of their bar in the chart (the site computes it).
    private static let skills: TemplateValue = .array(
        [
            ("SQL query writing", 22), ("REST API implementation", 31), ("Unit testing", 35),
            ("Code documentation", 38), ("Performance tuning", 64), ("Security engineering", 71),
            ("System design", 83), ("Stakeholder communication", 88), ("Technical leadership", 91),
        ].enumerated().map { index, skill -> TemplateValue in
            let (name, resilience) = skill
            return [
                "name": .string(name), "resilience": .int(resilience),
                "level": resilience < 40 ? "low" : resilience < 70 ? "medium" : "high",
                "y": .int(index * 28 + 12), "width": .double(Double(resilience) * 4.0),
                "labelX": .double(Double(resilience) * 4.0 + 228.5),
            ]
        }
    )

    /// UI strings, as a string table would give them.
    private static let strings: TemplateValue = [
        "willAIReplace": "Will AI replace", "updated": "Updated", "automationRisk": "automation risk",
        "timeline": "until significant impact", "percentile": "percentile among peers", "demand": "demand trend",
        "empty": "Nothing here yet.", "footer": "Industry estimates, not personal advice.",
        "cta": [
            "eyebrow": "Free personalized analysis", "title": "This is the industry picture. Your score may differ.",
            "body": "Your actual risk depends on your specific tasks, tools, and experience level — not just your job title. A 2-minute audit gives you a personalized score.",
            "placeholder": "you@example.com", "button": "Get Your Full Risk Report",
            "finePrint": "Receive personalized insights, career roadmap, and AI-proof strategies",
        ],
        "tasks": ["eyebrow": "Task Exposure", "title": "Task Battleground", "intro": "Which of a Backend Developer's daily tasks are already automated, which need human oversight, and which remain safe."],
        "tools": ["eyebrow": "Competitive Landscape", "title": "AI Tools Replacing Backend Developer Tasks", "intro": "These tools are being actively adopted in the Technology sector and automate tasks traditionally performed by Backend Developers.", "adoption": "adoption"],
        "benchmark": ["eyebrow": "Context", "title": "Industry Benchmark", "percentile": "Percentile", "saferPeers": "of peers are safer"],
        "skills": ["eyebrow": "Competency Analysis", "title": "Skills Resilience", "intro": "How resistant each core Backend Developer skill is to AI automation. Higher = safer. Sorted from most at-risk to most resilient."],
        "analysis": ["eyebrow": "In-depth Analysis", "title": "The Full Picture for"],
        "verdict": ["title": "Verdict"],
        "learn": ["eyebrow": "Recommendations", "title": "AI Tools Every Backend Developer Should Learn"],
        "salary": ["eyebrow": "Market Signal", "title": "Salary Impact", "intro": "Backend Developers who master AI tools command a measurable premium.", "premium": "AI-augmented salary premium", "trend": "Current demand trend", "median": "Median salary"],
        "roadmap": ["eyebrow": "Adaptation Plan", "title": "Career Roadmap for", "intro": "A phased plan to stay ahead of automation and build long-term career resilience."],
        "quickWins": ["eyebrow": "Actions · Start this week", "title": "Quick Wins", "done": "Done"],
        "related": ["eyebrow": "Compare", "title": "Related Technology Roles", "none": "No related roles yet."],
        "faq": ["eyebrow": "FAQ", "title": "Frequently Asked Questions"],
    ]
}
