import Foundation

/// A lexicon kept as data: one entry per line, tab-separated columns, `#` starts a comment
/// line. The last column of a line is conventionally a free-text note for the reader.
///
///     # word	kind	note
///     人次	people	a person-visit: 3.5万多人次
public struct LexiconFile: Sendable {
    public let name: String
    public let rows: [[String]]

    public init(name: String, contents: String) {
        self.name = name
        self.rows = contents.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let trimmed = Self.trimmed(line)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map { String(Self.trimmed($0)) }
        }
    }

    /// `text` without leading and trailing tabs and spaces (Unicode's space separators, as
    /// `CharacterSet.whitespaces`), trimmed on scalars: Foundation's trimming bridged every
    /// field through NSString and made loading the lexicons a visible part of a small run.
    static func trimmed(_ text: Substring) -> Substring {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return Substring(scalars[first...last])
    }

    /// Loads `name.tsv` from a resource bundle; a missing lexicon is a build defect, so it traps
    /// with the file's name rather than running with empty rules.
    public static func load(_ name: String, from bundle: Bundle) -> LexiconFile {
        guard let url = bundle.url(forResource: name, withExtension: "tsv"),
            let contents = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("lexicon \(name).tsv is missing from \(bundle.bundlePath)")
        }
        return LexiconFile(name: name, contents: contents)
    }

    /// The first column of every row.
    public var words: [String] { rows.compactMap { $0.first } }
}
