/// A chart as the report shows it: a visible title, the accessible SVG, an optional note
/// and, collapsed below it on screen and printed open on paper, the numbers it draws in a table.
enum Figure {
    static func render(_ canvas: SVGCanvas, title: String, description: String, table: DataTable,
                       note: String? = nil) -> Markup {
        var children: [Markup] = [
            .el("figcaption", text: title),
            canvas.render(title: title, description: description),
        ]
        if let note { children.append(.el("p", [("class", "note")], text: note)) }
        children.append(.el("details", [("class", "numbers")], [.el("summary", text: "Numbers of this chart"), table.render()]))
        return .el("figure", [("id", canvas.id)], children)
    }
}
