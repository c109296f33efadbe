import Foundation

/// Reading the files of a results folder, with errors that name them.
enum ResultsFile {
    /// The path of `file` in `folder`.
    static func path(_ file: String, in folder: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(file).path
    }

    /// Whether `file` exists in `folder`.
    static func exists(_ file: String, in folder: String) -> Bool {
        FileManager.default.fileExists(atPath: path(file, in: folder))
    }

    /// The UTF-8 text of `file`; a missing file is `folder: missing file`.
    static func text(_ file: String, in folder: String) throws(ReportError) -> String {
        let location = path(file, in: folder)
        guard FileManager.default.fileExists(atPath: location) else { throw .missing(file, in: folder) }
        guard let data = FileManager.default.contents(atPath: location) else {
            throw ReportError(folder: folder, file: file, "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError(folder: folder, file: file, "is not UTF-8 text")
        }
        return text
    }

    /// The JSON object in `file`.
    static func jsonObject(_ file: String, in folder: String) throws(ReportError) -> [String: Any] {
        let text = try text(file, in: folder)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
              let dictionary = object as? [String: Any] else {
            throw ReportError(folder: folder, file: file, "is not a JSON object")
        }
        return dictionary
    }
}
