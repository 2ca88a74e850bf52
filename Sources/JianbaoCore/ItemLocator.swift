/// Finds the innermost item an entity stands in, by source offset.
///
/// Items are nested and in document order, so their starts in pre-order never decrease: a
/// binary search finds the last item starting at or before the offset, and the innermost item
/// containing the offset is that item or one of its ancestors. O(log n + depth) per lookup, so
/// a document with thousands of items and entities stays linear overall.
public struct ItemLocator: Sendable {
    /// An item's place in the tree, without its id: the lookups walk these, and an entry that
    /// held the id String was retained and released at every step.
    private struct Entry: Sendable {
        var span: SourceSpan
        /// Where the item stops claiming offsets: its end, or one past its start when its span
        /// is empty (a heading with no text still claims its own position).
        var claimedEnd: Int
        /// The parent's position in `entries`, -1 for a top-level item.
        var parent: Int
    }

    private let entries: [Entry]
    /// The ids, by the same position as `entries`.
    private let ids: [String]
    /// Whether the starts never decrease in document order, as they should. Some trees break
    /// it (an unnumbered item placed after a later-starting one): there the answer depends on
    /// the binary search's path, so lookups with a cursor search exactly as the others do.
    private let startsAscend: Bool

    public init(items: [Item]) {
        var entries: [Entry] = []
        var ids: [String] = []
        // The items are read in place through their buffers: visiting them by value copied
        // every item, retaining and releasing all its strings and lists.
        func visit(_ items: UnsafeBufferPointer<Item>, parent: Int) {
            for index in items.indices {
                let span = items[index].span
                let position = entries.count
                entries.append(Entry(span: span, claimedEnd: max(span.end, span.start + 1), parent: parent))
                ids.append(items[index].id)
                items[index].children.withUnsafeBufferPointer { visit($0, parent: position) }
            }
        }
        items.withUnsafeBufferPointer { visit($0, parent: -1) }
        self.entries = entries
        self.ids = ids
        self.startsAscend = zip(entries, entries.dropFirst()).allSatisfy { $0.span.start <= $1.span.start }
    }

    /// The id of the innermost item containing `span.start`, or nil outside every item.
    public func item(containing span: SourceSpan) -> String? {
        itemIndex(containing: span).map { ids[$0] }
    }

    /// The id of the innermost item containing `span.start`, or nil outside every item, for
    /// callers that look up entities mostly in span order: `cursor` (start it at 0) keeps
    /// where the last lookup landed, so the next one steps forward from there instead of
    /// searching the whole list again. Any order still gives the right answer.
    public func item(containing span: SourceSpan, cursor: inout Int) -> String? {
        guard startsAscend else { return item(containing: span) }
        return entries.withUnsafeBufferPointer { entries in
            let following = Self.firstStart(after: span.start, in: entries, from: cursor)
            cursor = following
            return Self.innermost(containing: span.start, before: following, in: entries)
        }.map { ids[$0] }
    }

    /// The id of the item `itemIndex(containing:)` returned.
    public func id(ofItemAt index: Int) -> String {
        ids[index]
    }

    /// Which item (by its position in document order) is the innermost containing
    /// `span.start`, or nil outside every item. Callers that only ask whether two entities
    /// stand in the same item compare these Ints instead of building and comparing id Strings.
    public func itemIndex(containing span: SourceSpan) -> Int? {
        entries.withUnsafeBufferPointer { entries in
            let following = Self.firstStart(after: span.start, in: entries, lowerBound: 0)
            return Self.innermost(containing: span.start, before: following, in: entries)
        }
    }

    /// The span of the item with this id.
    public func span(of id: String) -> SourceSpan? {
        ids.firstIndex(of: id).map { entries[$0].span }
    }

    // MARK: Searching

    /// The innermost item containing `offset`: the last item starting at or before it (just
    /// before `following`), or one of its ancestors.
    @inline(__always)
    private static func innermost(containing offset: Int, before following: Int, in entries: UnsafeBufferPointer<Entry>) -> Int? {
        var candidate = following - 1
        while candidate >= 0 {
            if offset < entries[candidate].claimedEnd { return candidate }
            candidate = entries[candidate].parent
        }
        return nil
    }

    /// The position of the first entry starting after `offset`, stepping forward from the
    /// last answer `hint` when the offset lies at or after it, else searching from the start.
    @inline(__always)
    private static func firstStart(after offset: Int, in entries: UnsafeBufferPointer<Entry>, from hint: Int) -> Int {
        guard hint > 0, hint <= entries.count, entries[hint - 1].span.start <= offset else {
            return firstStart(after: offset, in: entries, lowerBound: 0)
        }
        // Entities close together fall in the same item or the next few: a short walk. Past
        // that, a search over the rest.
        var position = hint
        for _ in 0..<4 {
            guard position < entries.count, entries[position].span.start <= offset else { return position }
            position += 1
        }
        return firstStart(after: offset, in: entries, lowerBound: position)
    }

    /// The position of the first entry starting after `offset`, at or above `lowerBound`
    /// (every entry below it starts at or before the offset).
    private static func firstStart(after offset: Int, in entries: UnsafeBufferPointer<Entry>, lowerBound: Int) -> Int {
        var low = lowerBound
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].span.start <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
