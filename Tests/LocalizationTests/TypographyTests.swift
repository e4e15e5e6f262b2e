import Localization
import XCTest

/// French spacing of punctuation, in plain text and in HTML.
final class TypographyTests: XCTestCase {
    private let fr = LocaleRules.builtIn("fr")!

    private func assertText(_ input: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(fr.typography(text: input), expected, file: file, line: line)
    }

    private func assertHTML(_ input: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(fr.typography(html: input), expected, file: file, line: line)
    }

    // MARK: Plain text

    func testReplacesAnOrdinarySpaceBeforeHighPunctuation() {
        assertText("Bonjour !", "Bonjour\(nnbsp)!")
        assertText("Vraiment ?", "Vraiment\(nnbsp)?")
        assertText("un ; deux", "un\(nnbsp); deux")
        assertText("Attention : danger", "Attention\(nbsp): danger")
        assertText("L'IA va-t-elle remplacer les Backend Developers ? Analyse complète",
                   "L'IA va-t-elle remplacer les Backend Developers\(nnbsp)? Analyse complète")
    }

    func testInsertsASpaceWhenPunctuationFollowsAWord() {
        assertText("Bonjour!", "Bonjour\(nnbsp)!")
        assertText("Attention: danger", "Attention\(nbsp): danger")
        assertText("un; deux", "un\(nnbsp); deux")
        assertText("(vraiment?)", "(vraiment\(nnbsp)?)")
        assertText("le 1er!", "le 1er\(nnbsp)!")
    }

    /// "40 %" from content gets the no-break space `percent(_:)` writes, and so do ‰ and the
    /// currency signs; a sign that follows no number, or sits in a URL, is left alone.
    func testSignsAfterANumberAreSpaced() {
        assertText("un potentiel de 40 % environ", "un potentiel de 40\(nbsp)% environ")
        assertText("40% des tâches", "40\(nbsp)% des tâches")
        assertText("5 ‰, 12 €, 3$ et 8 £", "5\(nbsp)‰, 12\(nbsp)€, 3\(nbsp)$ et 8\(nbsp)£")
        assertText("40\(nbsp)% déjà", "40\(nbsp)% déjà")
        assertText("100 % !", "100\(nbsp)%\(nnbsp)!")
        assertText("le signe % seul", "le signe % seul")
        assertText("voir https://exemple.fr/a%20b et 50%", "voir https://exemple.fr/a%20b et 50\(nbsp)%")
        assertHTML("<p>40 % <code>50 %</code></p>", "<p>40\(nbsp)% <code>50 %</code></p>")
        XCTAssertEqual(LocaleRules.builtIn("en")!.typography(text: "40 %"), "40 %", "English text is left as written")
    }

    func testAGroupOfMarksGetsOneSpace() {
        assertText("Quoi?!", "Quoi\(nnbsp)?!")
        assertText("Quoi ?!", "Quoi\(nnbsp)?!")
        assertText("Non!!!", "Non\(nnbsp)!!!")
    }

    func testPunctuationInsideAWordIsLeftAlone() {
        assertText("a:b", "a:b")
        assertText("x;y", "x;y")
        assertText("Wait?What", "Wait?What")
        assertText("?!x", "?!x")
    }

    func testTimesAreLeftAlone() {
        assertText("Rendez-vous à 10:30.", "Rendez-vous à 10:30.")
        assertText("De 9:00 à 17:45 : ouvert", "De 9:00 à 17:45\(nbsp): ouvert")
    }

    func testURLsAndAddressesAreLeftAlone() {
        assertText("Voir https://exemple.fr/a?b=1;c=2 pour plus", "Voir https://exemple.fr/a?b=1;c=2 pour plus")
        assertText("Voir https://exemple.fr/faq?", "Voir https://exemple.fr/faq?")
        assertText("Voir www.exemple.fr!", "Voir www.exemple.fr!")
        assertText("(www.exemple.fr?)", "(www.exemple.fr?)")
        assertText("Écrivez à mailto:contact@exemple.fr!", "Écrivez à mailto:contact@exemple.fr!")
        assertText("Écrivez à contact@exemple.fr!", "Écrivez à contact@exemple.fr!")
        assertText("Voir https://exemple.fr !", "Voir https://exemple.fr\(nnbsp)!")
        assertText("Site : WWW.EXEMPLE.FR?", "Site\(nbsp): WWW.EXEMPLE.FR?")
    }

    func testGuillemets() {
        assertText("« Bonjour »", "«\(nnbsp)Bonjour\(nnbsp)»")
        assertText("«Bonjour»", "«\(nnbsp)Bonjour\(nnbsp)»")
        assertText("Il dit «Quoi?»", "Il dit «\(nnbsp)Quoi\(nnbsp)?\(nnbsp)»")
        assertText("«\(nbsp)déjà\(nbsp)»", "«\(nbsp)déjà\(nbsp)»")
        assertText("«\nligne", "«\nligne")
    }

    func testExistingNoBreakSpacesAreKept() {
        assertText("Bonjour\(nbsp)!", "Bonjour\(nbsp)!")
        assertText("Attention\(nnbsp):", "Attention\(nnbsp):")
        assertText("Bonjour\u{2009}!", "Bonjour\u{2009}!")
    }

    func testNothingToAttachToAtStartOrAfterALineBreak() {
        assertText("! important", "! important")
        assertText("?", "?")
        assertText("ligne\n? suite", "ligne\n? suite")
        assertText("a\t: b", "a\t: b")
    }

    func testOnlyTheLastOfSeveralSpacesIsReplaced() {
        assertText("Bonjour  !", "Bonjour \(nnbsp)!")
    }

    func testIsIdempotent() {
        let once = fr.typography(text: "«Bonjour» : ça va?! Oui; merci")
        XCTAssertEqual(once, "«\(nnbsp)Bonjour\(nnbsp)»\(nbsp): ça va\(nnbsp)?! Oui\(nnbsp); merci")
        XCTAssertEqual(fr.typography(text: once), once)
        XCTAssertEqual(fr.typography(html: once), once)
    }

    func testTextWithoutPunctuationIsReturnedAsIs() {
        assertText("", "")
        assertText("Analyse approfondie, sans ponctuation haute.", "Analyse approfondie, sans ponctuation haute.")
    }

    // MARK: HTML

    func testHTMLTextNodesAreSpaced() {
        assertHTML("<p>Bonjour !</p>\n<p>Attention: danger</p>\n",
                   "<p>Bonjour\(nnbsp)!</p>\n<p>Attention\(nbsp): danger</p>\n")
    }

    func testHTMLTagsAndAttributesAreNotTouched() {
        assertHTML("<a href=\"https://x.fr/?a=1;b=2\" title=\"Quoi ? Oui: non\">Lien</a> !",
                   "<a href=\"https://x.fr/?a=1;b=2\" title=\"Quoi ? Oui: non\">Lien</a>\(nnbsp)!")
        assertHTML("x <img alt=\"a > b : c\" src=\"y\"> : z", "x <img alt=\"a > b : c\" src=\"y\">\(nbsp): z")
        assertHTML("<p data-x='a ; b'>ok</p>", "<p data-x='a ; b'>ok</p>")
    }

    func testHTMLCharacterReferencesAreNotPunctuation() {
        assertHTML("<p>A &amp; B ; C&#39;s: x &#x27;y&#X27;!</p>",
                   "<p>A &amp; B\(nnbsp); C&#39;s\(nbsp): x &#x27;y&#X27;\(nnbsp)!</p>")
        assertHTML("Bonjour&nbsp;! Oui&#160;: non", "Bonjour&nbsp;! Oui&#160;: non")
        assertHTML("AT&amp;T; ok", "AT&amp;T\(nnbsp); ok")
        assertHTML("AT&T; ok", "AT&T; ok")
    }

    func testHTMLCodeLikeElementsAreNotTouched() {
        assertHTML("<p>Utilisez <code>a ? b : c;</code> : simple</p>",
                   "<p>Utilisez <code>a ? b : c;</code>\(nbsp): simple</p>")
        assertHTML("<pre><code class=\"language-js\">x ? y : z;\n</code></pre>\n<p>Fin !</p>",
                   "<pre><code class=\"language-js\">x ? y : z;\n</code></pre>\n<p>Fin\(nnbsp)!</p>")
        assertHTML("<kbd>Ctrl :</kbd> <samp>Erreur !</samp>", "<kbd>Ctrl :</kbd> <samp>Erreur !</samp>")
        assertHTML("<script>if (a<b) { x = y ? 1 : 2; }</script><p>Oui !</p>",
                   "<script>if (a<b) { x = y ? 1 : 2; }</script><p>Oui\(nnbsp)!</p>")
        assertHTML("<STYLE>a:hover { color: red; }</STYLE>", "<STYLE>a:hover { color: red; }</STYLE>")
        assertHTML("<code>fin </code>!", "<code>fin </code>\(nnbsp)!")
    }

    func testHTMLCommentsAreNotTouched() {
        assertHTML("<!-- raw HTML omitted : yes! -->Texte !", "<!-- raw HTML omitted : yes! -->Texte\(nnbsp)!")
    }

    func testHTMLPunctuationAcrossInlineTags() {
        assertHTML("<strong>Attention</strong>: texte", "<strong>Attention</strong>\(nbsp): texte")
        assertHTML("<strong>Attention:</strong> texte", "<strong>Attention\(nbsp):</strong> texte")
        assertHTML("Bonjour <strong>!</strong>", "Bonjour\(nnbsp)<strong>!</strong>")
        assertHTML("<p>«<em>Oui</em>»</p>", "<p>«\(nnbsp)<em>Oui</em>\(nnbsp)»</p>")
        assertHTML("<em>a</em>:<em>b</em>", "<em>a</em>:<em>b</em>")
    }

    func testHTMLAutolinksAndTimes() {
        assertHTML("<p>Voir <a href=\"http://www.exemple.fr\">www.exemple.fr</a>: ici à 10:30</p>",
                   "<p>Voir <a href=\"http://www.exemple.fr\">www.exemple.fr</a>\(nbsp): ici à 10:30</p>")
        assertHTML("<p>Voir https://exemple.fr/faq?</p>", "<p>Voir https://exemple.fr/faq?</p>")
        assertHTML("<a href=\"mailto:a@b.fr\">a@b.fr</a> ?", "<a href=\"mailto:a@b.fr\">a@b.fr</a>\(nnbsp)?")
    }

    func testHTMLLessThanThatStartsNoTagIsText() {
        assertHTML("a < b ?", "a < b\(nnbsp)?")
        assertHTML("a <", "a <")
    }

    func testUnclosedMarkupDoesNotCrash() {
        assertHTML("<p title=\"x : y", "<p title=\"x : y")
        assertHTML("<!-- x : y", "<!-- x : y")
        assertHTML("<code>x : y", "<code>x : y")
        assertHTML("<script>x : y", "<script>x : y")
        assertHTML("&amp", "&amp")
    }
}
