import JianbaoCore
import Normalize
import Segment
import TestSupport

/// One item as the accuracy and spec tests compare it: the flattened row of
/// Fixtures/ANNOTATING.md ("items.json"), fields included for the fixtures.
struct ItemRow: Equatable, CustomStringConvertible {
    var id: String
    var label: String
    var level: Int
    var kind: String
    var title: String
    var fields: [String: String] = [:]

    var description: String { "\(id) [\(kind)] “\(title)”" }

    /// The items of `text` after normalising and segmenting it, in document order.
    static func segment(_ text: String) -> (rows: [ItemRow], segmentation: Segmentation) {
        let segmentation = Segmenter().segment(Normalizer().normalize(SourceText(text)))
        return (flatten(segmentation.items), segmentation)
    }

    static func flatten(_ items: [Item]) -> [ItemRow] {
        items.flatMap { item in
            var fields: [String: String] = [:]
            for field in item.fields where fields[field.name] == nil { fields[field.name] = field.value }
            let row = ItemRow(
                id: item.id, label: item.label, level: item.level, kind: item.kind, title: item.title, fields: fields)
            return [row] + flatten(item.children)
        }
    }

    /// A row of an annotation or spec file.
    init(_ value: JSONValue) {
        id = value["id"].string ?? ""
        label = value["label"].string ?? ""
        level = value["level"].int ?? 0
        kind = value["kind"].string ?? ""
        title = value["title"].string ?? ""
        if case let .object(object) = value["fields"] {
            fields = object.compactMapValues(\.string)
        }
    }

    init(id: String, label: String, level: Int, kind: String, title: String, fields: [String: String]) {
        self.id = id
        self.label = label
        self.level = level
        self.kind = kind
        self.title = title
        self.fields = fields
    }

    /// The row without its fields (the spec table does not list them).
    var withoutFields: ItemRow {
        var copy = self
        copy.fields = [:]
        return copy
    }
}
