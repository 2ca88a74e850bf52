import Foundation
import JianbaoCore

/// The segmenter's lexicons, loaded once from the data files in `Lexicons/`.
enum HeadingStyles {
    private static let markers = LexiconFile.load("heading-markers", from: .module)
    private static let labels = LexiconFile.load("field-labels", from: .module)
    private static let headings = LexiconFile.load("heading-words", from: .module)

    private static let kinds: [String: String] = Dictionary(
        markers.rows.filter { $0.count >= 2 }.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })

    /// The item kind of each marker style, looked up once (a String-keyed lookup per heading
    /// would hash the style's name).
    private static let kindOfStyle: [(style: HeadingMarker.Style, kind: String)] = HeadingMarker.Style.allCases.map {
        ($0, kinds[$0.rawValue] ?? "item")
    }

    static func kind(of style: HeadingMarker.Style) -> String {
        kindOfStyle.first { $0.style == style }!.kind
    }

    /// Labels that start a line as `label：value`, longest first so 抄送 wins over 送.
    static let fieldLabels: [String] =
        (labels.words + ["备注", "附件"]).sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

    /// Each field label written with each colon that may follow it, as scalars, in the order
    /// of `fieldLabels`; and the scalar each form starts with, so that a line is tried only
    /// against the forms it can match.
    static let fieldLabelForms: [(label: String, role: FieldLabelRole, written: [Unicode.Scalar])] = fieldLabels.flatMap {
        label in ["：", ":"].map { colon in (label, FieldLabelRole(label), Array((label + colon).unicodeScalars)) }
    }
    static let fieldLabelFormStarts: [Unicode.Scalar] = fieldLabelForms.map { $0.written[0] }
    static let fieldLabelStarts: [Unicode.Scalar] = fieldLabels.compactMap { $0.unicodeScalars.first }
    /// Bit `value % 64` set for each scalar a label starts with: one test passes over most lines.
    private static let fieldLabelStartBits: UInt64 = fieldLabelStarts.reduce(0) { $0 | 1 << ($1.value % 64) }

    static func mayStartFieldLabel(_ scalar: Unicode.Scalar) -> Bool {
        fieldLabelStartBits & 1 << (scalar.value % 64) != 0 && fieldLabelStarts.contains(scalar)
    }

    static let issuerSuffixes: [[Unicode.Scalar]] = words(of: "issuer-suffix")
    static let planSuffixes: [[Unicode.Scalar]] = words(of: "plan-suffix")
    static let positions: [[Unicode.Scalar]] = words(of: "position").sorted { $0.count > $1.count }

    private static func words(of kind: String) -> [[Unicode.Scalar]] {
        headings.rows.filter { $0.count >= 2 && $0[1] == kind }.map { Array($0[0].unicodeScalars) }
    }
}

/// What a labelled line does, decided once per label (comparing Chinese Strings per line
/// takes the slow, normalising path).
enum FieldLabelRole {
    /// 送：/发：/抄送： — the distribution footer: the document's fields from here on.
    case footer
    /// 申报单位： — a field of the open item.
    case itemField
    /// 简介材料： — a field of the open item whose text may hold 一是… clauses.
    case itemSummary
    /// 备注：, 附件： and the rest — notes about the document, not items.
    case note

    init(_ label: String) {
        switch label {
        case "送", "发", "抄送": self = .footer
        case "申报单位": self = .itemField
        case "简介材料": self = .itemSummary
        default: self = .note
        }
    }
}
