/// Finds the innermost item an entity stands in, by source offset.
///
/// Items are nested and in document order, so the innermost item containing an offset is the
/// last item (in pre-order) whose span contains it.
public struct ItemLocator: Sendable {
    private let spans: [(id: String, span: SourceSpan)]

    public init(items: [Item]) {
        var flat: [(String, SourceSpan)] = []
        func visit(_ item: Item) {
            flat.append((item.id, item.span))
            item.children.forEach(visit)
        }
        items.forEach(visit)
        self.spans = flat
    }

    /// The id of the innermost item containing `span.start`, or nil outside every item.
    public func item(containing span: SourceSpan) -> String? {
        var found: String?
        for entry in spans where entry.span.start <= span.start && span.start < max(entry.span.end, entry.span.start + 1) {
            found = entry.id
        }
        return found
    }

    /// The span of the item with this id.
    public func span(of id: String) -> SourceSpan? {
        spans.first { $0.id == id }?.span
    }
}
