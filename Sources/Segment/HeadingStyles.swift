import Foundation
import JianbaoCore

/// The segmenter's lexicons, loaded once from the data files in `Lexicons/`.
enum HeadingStyles {
    private static let markers = LexiconFile.load("heading-markers", from: .module)
    private static let labels = LexiconFile.load("field-labels", from: .module)
    private static let headings = LexiconFile.load("heading-words", from: .module)

    private static let kinds: [String: String] = Dictionary(
        markers.rows.filter { $0.count >= 2 }.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })

    static func kind(of style: HeadingMarker.Style) -> String {
        kinds[style.rawValue] ?? "item"
    }

    /// Labels that start a line as `label：value`, longest first so 抄送 wins over 送.
    static let fieldLabels: [String] =
        (labels.words + ["备注", "附件"]).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// Each field label with the colons that may follow it, as scalars (tried on every line),
    /// and the scalars a label can start with, to pass over most lines at one test.
    static let fieldLabelForms: [(label: String, forms: [[Unicode.Scalar]])] = fieldLabels.map { label in
        (label, [Array((label + "：").unicodeScalars), Array((label + ":").unicodeScalars)])
    }
    static let fieldLabelStarts: Set<Unicode.Scalar> = Set(fieldLabels.compactMap { $0.unicodeScalars.first })

    static let issuerSuffixes: [String] = words(of: "issuer-suffix")
    static let planSuffixes: [String] = words(of: "plan-suffix")
    static let positions: [String] = words(of: "position").sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    private static func words(of kind: String) -> [String] {
        headings.rows.filter { $0.count >= 2 && $0[1] == kind }.map { $0[0] }
    }
}
