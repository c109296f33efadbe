/// A node of the report's XHTML/SVG tree. Building the page as a tree, and escaping only
/// when it is written out, keeps `report.html` well-formed XML whatever the data contain.
enum Markup {
    /// An element with its attributes (in the order given) and children.
    case element(String, [(String, String)], [Markup])
    /// Character data, escaped when written.
    case text(String)

    /// An element; a `nil` attribute value leaves the attribute out.
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [Markup] = []) -> Markup {
        .element(name, attributes.compactMap { key, value in value.map { (key, $0) } }, children)
    }

    /// An element holding only text.
    static func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> Markup {
        el(name, attributes, [.text(text)])
    }

    /// Writes the node as XML, `& < > " '` escaped. Empty SVG elements and HTML void
    /// elements are self-closed; other empty HTML elements get an end tag, so that the page
    /// parses the same as XML and as HTML.
    ///
    /// - Complexity: O(size of the tree).
    func render(into output: inout String, inSVG: Bool = false) {
        switch self {
        case .text(let value):
            output += Markup.escaped(value)
        case .element(let name, let attributes, let children):
            output += "<" + name
            for (key, value) in attributes { output += " \(key)=\"\(Markup.escaped(value))\"" }
            let svg = inSVG || name == "svg"
            if children.isEmpty && (svg || Markup.voidElements.contains(name)) {
                output += "/>"
                return
            }
            output += ">"
            for child in children { child.render(into: &output, inSVG: svg) }
            output += "</\(name)>"
            if Markup.blockElements.contains(name) { output += "\n" }
        }
    }

    /// HTML elements that have no end tag.
    private static let voidElements: Set<String> = ["meta", "br", "hr", "img", "col", "link", "wbr"]

    /// Elements followed by a line break in the output, so that the file reads in an editor.
    private static let blockElements: Set<String> = [
        "head", "body", "section", "figure", "table", "tr", "details", "header", "div", "svg", "style", "p",
        "h1", "h2", "h3", "ul", "li", "dl", "meta", "title", "footer", "g",
    ]

    /// Text escaped for XML character data and attribute values.
    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML 1.0.
                if character.value < 0x20 && character != "\t" && character != "\n" && character != "\r" { continue }
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
