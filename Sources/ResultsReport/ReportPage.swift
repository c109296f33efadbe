/// Assembles the page: an XHTML document (well-formed XML that browsers read as HTML5)
/// with the stylesheet inline, a title, the sections in order and a footer. Nothing in it
/// refers to the network: no script, font, image or link outside the file.
enum ReportPage {
    /// A section: its heading (`h2`, the outline the tests check), an optional introduction
    /// and its content.
    static func section(id: String, title: String, intro: String? = nil, _ content: [Markup]) -> Markup {
        var children: [Markup] = [.el("h2", [("id", "\(id)-heading")], text: title)]
        if let intro { children.append(.el("p", [("class", "intro")], text: intro)) }
        return .el("section", [("id", id), ("aria-labelledby", "\(id)-heading")], children + content)
    }

    /// The whole document as text.
    static func document(title: String, subtitle: String, sections: [Markup], footer: String) -> String {
        let head: Markup = .el("head", [], [
            .el("meta", [("charset", "utf-8")]),
            .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            .el("meta", [("name", "generator"), ("content", ReportWriter.generator)]),
            .el("title", text: title),
            .el("style", text: Stylesheet.css),
        ])
        let body: Markup = .el("body", [], [
            .el("header", [], [.el("h1", text: title), .el("p", [("class", "subtitle")], text: subtitle)]),
            .el("main", [], sections),
            .el("footer", [], [.el("p", text: footer)]),
        ])
        var output = "<!DOCTYPE html>\n"
        Markup.el("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en"), ("xml:lang", "en")], [head, body])
            .render(into: &output)
        return output
    }
}
