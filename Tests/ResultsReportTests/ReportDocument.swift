import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import ResultsReport

/// A report parsed as XML with FoundationXML: parsing fails unless the file is well-formed.
struct ReportDocument {
    let text: String
    let document: XMLDocument

    init(path: String) throws {
        text = try String(contentsOfFile: path, encoding: .utf8)
        document = try XMLDocument(data: Data(text.utf8), options: [])
    }

    /// Elements with a local name (the page is in the XHTML namespace, charts in SVG's).
    func elements(_ name: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }

    /// The section headings (h2), in order.
    func sectionTitles() throws -> [String] {
        try elements("h2").map { $0.stringValue ?? "" }
    }

    /// Every element carrying a `summary.csv` value: (KPI, column, shown text).
    func kpiValues() throws -> [(kpi: String, stat: String, text: String)] {
        try document.nodes(forXPath: "//*[@data-kpi]").compactMap { node in
            guard let element = node as? XMLElement, let kpi = element.value(of: "data-kpi"),
                  let stat = element.value(of: "data-stat") else { return nil }
            return (kpi, stat, element.stringValue ?? "")
        }
    }

    /// Checks what every report must be: self-contained (no script, no reference outside
    /// the file but the two namespace names) and accessible charts (title, description,
    /// a table of the numbers below each).
    func checkSelfContainedAndAccessible(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(text.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""), file: file, line: line)
        let withoutNamespaces = text.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1999/xhtml\"", with: "")
            .replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        XCTAssertFalse(withoutNamespaces.contains("http"), "no http or https reference", file: file, line: line)
        XCTAssertFalse(text.lowercased().contains("<script"), file: file, line: line)
        XCTAssertFalse(text.contains("@import"), file: file, line: line)
        for range in text.ranges(of: "url(") {
            XCTAssertEqual(text[range.upperBound], "#", "url() refers only to patterns in the file", file: file, line: line)
        }
        let svgs = try elements("svg")
        XCTAssertFalse(svgs.isEmpty, file: file, line: line)
        for svg in svgs {
            XCTAssertEqual(svg.value(of: "role"), "img", file: file, line: line)
            XCTAssertNotNil(svg.value(of: "viewBox"), file: file, line: line)
            let labels = svg.value(of: "aria-labelledby")?.split(separator: " ") ?? []
            XCTAssertEqual(labels.count, 2, file: file, line: line)
            for id in labels {
                let labelled = try document.nodes(forXPath: "//*[@id='\(id)']")
                XCTAssertEqual(labelled.count, 1, "one element with id \(id)", file: file, line: line)
                XCTAssertFalse((labelled.first?.stringValue ?? "").isEmpty, "\(id) has text", file: file, line: line)
            }
            let figure = try XCTUnwrap(svg.parent as? XMLElement, file: file, line: line)
            XCTAssertEqual(figure.localName, "figure", file: file, line: line)
            let tables = try figure.nodes(forXPath: "./*[local-name()='details']/*[local-name()='table']")
            XCTAssertEqual(tables.count, 1, "a table of the numbers under every chart", file: file, line: line)
            let axisLabels = try svg.nodes(forXPath: ".//*[local-name()='text'][@class='axis-label']").compactMap(\.stringValue)
            XCTAssertFalse(axisLabels.isEmpty, "every chart has an axis label", file: file, line: line)
            for label in axisLabels {
                XCTAssertTrue(label.hasSuffix(")"), "axis label '\(label)' ends with its unit in parentheses", file: file, line: line)
            }
        }
        try checkContrast(file: file, line: line)
        let ids = try document.nodes(forXPath: "//*[@id]").compactMap { ($0 as? XMLElement)?.value(of: "id") }
        XCTAssertEqual(ids.count, Set(ids).count, "ids are unique", file: file, line: line)
    }
}

extension ReportDocument {
    /// WCAG AA against the white ground, for every chart: text at least 4.5:1, and the
    /// marks a reader needs (lines, markers, opaque bars, hatch strokes) at least 3:1. White,
    /// the grid and translucent areas (bands, shades) are ground, not data.
    func checkContrast(file: StaticString = #filePath, line: UInt = #line) throws {
        for text in try elements("text") {
            let colour = text.value(of: "fill") ?? "#222222"
            XCTAssertGreaterThanOrEqual(Contrast.ratio(colour, "#FFFFFF"), 4.5, "text '\(text.stringValue ?? "")' in \(colour)",
                                        file: file, line: line)
        }
        for name in ["line", "polyline", "circle", "rect"] {
            for element in try elements(name) {
                var colours = [element.value(of: "stroke")]
                if element.value(of: "fill-opacity") == nil, name != "polyline" { colours.append(element.value(of: "fill")) }
                for colour in colours.compactMap({ $0 }) where colour.hasPrefix("#") && colour != "#FFFFFF" && colour != "#D9D9D9" {
                    XCTAssertGreaterThanOrEqual(Contrast.ratio(colour, "#FFFFFF"), 3, "\(name) in \(colour)", file: file, line: line)
                }
            }
        }
    }
}

extension XMLElement {
    /// The value of an attribute. (FoundationXML's `attribute(forName:)` finds nothing on
    /// elements in a default namespace, as every element of the report is.)
    func value(of attribute: String) -> String? {
        attributes?.first { $0.name == attribute }?.stringValue
    }
}
