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
    /// The forms as flat tables, which a segmenter run keeps (`SegmenterRun.fieldLabelTable`):
    /// every line is tested, and a static is behind a one-time-initialisation check at each use.
    static let fieldLabelTable = FieldLabelTable(fieldLabelForms.map(\.written))

    static let issuerSuffixes: [[Unicode.Scalar]] = words(of: "issuer-suffix")
    static let planSuffixes: [[Unicode.Scalar]] = words(of: "plan-suffix")
    static let positions: [[Unicode.Scalar]] = words(of: "position").sorted { $0.count > $1.count }

    private static func words(of kind: String) -> [[Unicode.Scalar]] {
        headings.rows.filter { $0.count >= 2 && $0[1] == kind }.map { Array($0[0].unicodeScalars) }
    }
}

/// The scalars that open each field-label form, with a bit table that turns away nearly every
/// line with one test.
struct FieldLabelTable {
    /// The form's first scalar, by form index (`HeadingStyles.fieldLabelForms`).
    let starts: [Unicode.Scalar]
    let written: [[Unicode.Scalar]]
    /// Bit `value % 1024` set for each scalar a form starts with.
    private let startBits: [UInt64]

    init(_ written: [[Unicode.Scalar]]) {
        self.written = written
        starts = written.map { $0[0] }
        var bits = [UInt64](repeating: 0, count: 16)
        for start in starts { bits[Int(start.value % 1024) >> 6] |= 1 << (start.value % 64) }
        startBits = bits
    }

    func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        startBits[Int(scalar.value % 1024) >> 6] & 1 << (scalar.value % 64) != 0
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
