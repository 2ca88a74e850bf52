/// Finds the innermost item an entity stands in, by source offset.
///
/// Items are nested and in document order, so their starts in pre-order never decrease: a
/// binary search finds the last item starting at or before the offset, and the innermost item
/// containing the offset is that item or one of its ancestors. O(log n + depth) per lookup, so
/// a document with thousands of items and entities stays linear overall.
public struct ItemLocator: Sendable {
    private struct Entry: Sendable {
        var id: String
        var span: SourceSpan
        var parent: Int?
    }

    private let entries: [Entry]

    public init(items: [Item]) {
        var flat: [Entry] = []
        func visit(_ item: Item, parent: Int?) {
            let index = flat.count
            flat.append(Entry(id: item.id, span: item.span, parent: parent))
            for child in item.children { visit(child, parent: index) }
        }
        items.forEach { visit($0, parent: nil) }
        self.entries = flat
    }

    /// The id of the innermost item containing `span.start`, or nil outside every item.
    public func item(containing span: SourceSpan) -> String? {
        itemIndex(containing: span).map { entries[$0].id }
    }

    /// The id of the item `itemIndex(containing:)` returned.
    public func id(ofItemAt index: Int) -> String {
        entries[index].id
    }

    /// Which item (by its position in document order) is the innermost containing
    /// `span.start`, or nil outside every item. Callers that only ask whether two entities
    /// stand in the same item compare these Ints instead of building and comparing id Strings.
    public func itemIndex(containing span: SourceSpan) -> Int? {
        let offset = span.start
        // The last entry whose start is at or before the offset.
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].span.start <= offset { low = middle + 1 } else { high = middle }
        }
        var candidate = low - 1
        while candidate >= 0 {
            let entry = entries[candidate]
            // An empty span still claims its own position (a heading with no text).
            if offset < max(entry.span.end, entry.span.start + 1) { return candidate }
            guard let parent = entry.parent else { break }
            candidate = parent
        }
        return nil
    }

    /// The span of the item with this id.
    public func span(of id: String) -> SourceSpan? {
        entries.first { $0.id == id }?.span
    }
}
