import JianbaoCore
import Normalize

/// An item while the tree is being built: mutable, with working-text offsets. `Item` is what
/// leaves Segment, with labels numbered among siblings and spans mapped to the source.
final class ItemNode {
    // What is fixed when the node is made is `let`: reading it needs no exclusivity check.
    let kind: String
    let style: HeadingMarker.Style?
    /// The label for numbered items; nil for unnumbered headings (`#N`, filled in at the end).
    let label: String?
    let marker: String
    let title: String
    var fields: [Field] = []
    let start: Int
    var end: Int
    var children: [ItemNode] = []
    /// Unnumbered headings at the top (parts, articles, speeches, briefs) are roots that
    /// markers nest under but never close.
    let isRoot: Bool

    init(kind: String, style: HeadingMarker.Style?, label: String?, marker: String, title: String, start: Int, end: Int, isRoot: Bool = false) {
        self.kind = kind
        self.style = style
        self.label = label
        self.marker = marker
        self.title = title
        self.start = start
        self.end = end
        self.isRoot = isRoot
    }

    /// Converts the subtree, numbering unnumbered siblings `#1`, `#2` … and `*` bullets `*1` ….
    ///
    /// Each id is its parent's id and its own label (`Item`'s id is its path joined with `/`),
    /// so the whole path is not joined again at every level.
    static func items(_ nodes: [ItemNode], parentPath: [String], parentID: String = "", text: WorkingText) -> [Item] {
        var unnumbered = 0
        var stars = 0
        return nodes.map { node in
            let label: String
            if node.style == .star {
                stars += 1
                label = "*" + String(stars)
            } else if let own = node.label {
                label = own
            } else {
                unnumbered += 1
                label = "#" + String(unnumbered)
            }
            var path = parentPath
            path.append(label)
            var id = parentID
            if !parentPath.isEmpty { id.append("/") }
            id.append(label)
            return Item(
                path: path, id: id, marker: node.marker, kind: node.kind, title: node.title, fields: node.fields,
                span: text.sourceSpan(node.start, max(node.start, node.end)),
                children: items(node.children, parentPath: path, parentID: id, text: text))
        }
    }
}
