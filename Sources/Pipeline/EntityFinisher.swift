import JianbaoCore

/// The last step of every entity: its `text` becomes the exact source slice of its span (the
/// SPEC's promise `source[start:end] == text`), its `item` the innermost item around it unless
/// the extractor knew better, and each list is put in document order.
struct EntityFinisher {
    let source: SourceText
    let locator: ItemLocator

    /// Sets each entity's text and item, and puts them in span order, in place: a large
    /// document's entity lists are not copied while the extractors' lists are still held.
    func finish<Entity: SpannedEntity>(_ entities: inout [Entity]) {
        // Entities arrive mostly in span order: each item lookup steps on from the last.
        var cursor = 0
        for index in entities.indices {
            let span = entities[index].span
            // The extractor's text is the working text of the entity, which is the source
            // slice itself unless normalisation changed something inside it (a full-width
            // digit, a repaired line break): then it stays, and no String is built again.
            if !Self.text(entities[index].text, isSourceSlice: span, of: source) {
                entities[index].text = source.slice(span)
            }
            if entities[index].item == nil { entities[index].item = locator.item(containing: span, cursor: &cursor) }
        }
        Self.sortBySpan(&entities) { $0.span }
    }

    /// Puts `entities` in span order, as a stable sort does. The extractors mostly hand their
    /// lists over in order already: then the list is left alone, and a list still shared with
    /// the caller is not copied just to be sorted.
    @inline(__always)
    static func sortBySpan<Entity>(_ entities: inout [Entity], _ span: (Entity) -> SourceSpan) {
        var sorted = true
        for index in entities.indices.dropFirst() where span(entities[index]) < span(entities[index - 1]) {
            sorted = false
            break
        }
        if !sorted { entities.sort { span($0) < span($1) } }
    }

    /// Whether `text` is exactly the source scalars of `span`, compared byte by byte in UTF-8.
    /// False whenever it cannot tell cheaply (a bridged string): the caller then rebuilds the
    /// text from the source, which gives the same String.
    static func text(_ text: String, isSourceSlice span: SourceSpan, of source: SourceText) -> Bool {
        guard span.start >= 0, span.start <= span.end, span.end <= source.count else { return false }
        let same = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            // One to four UTF-8 bytes per scalar.
            guard utf8.count >= span.end - span.start, utf8.count <= 4 * (span.end - span.start) else { return false }
            return source.scalars.withUnsafeBufferPointer { scalars -> Bool in
                Self.utf8(utf8, encodes: UnsafeBufferPointer(rebasing: scalars[span.start..<span.end]))
            }
        }
        return same ?? false
    }

    /// Whether `utf8` is the UTF-8 of `scalars`, encoding each scalar and comparing its bytes.
    private static func utf8(_ utf8: UnsafeBufferPointer<UInt8>, encodes scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var at = 0
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 {
                guard at < utf8.count, utf8[at] == UInt8(value) else { return false }
                at += 1
            } else if value < 0x800 {
                guard at + 1 < utf8.count, utf8[at] == UInt8(0xC0 | value >> 6), utf8[at + 1] == UInt8(0x80 | value & 0x3F) else { return false }
                at += 2
            } else if value < 0x10000 {
                guard at + 2 < utf8.count, utf8[at] == UInt8(0xE0 | value >> 12),
                    utf8[at + 1] == UInt8(0x80 | (value >> 6) & 0x3F), utf8[at + 2] == UInt8(0x80 | value & 0x3F)
                else { return false }
                at += 3
            } else {
                guard at + 3 < utf8.count, utf8[at] == UInt8(0xF0 | value >> 18), utf8[at + 1] == UInt8(0x80 | (value >> 12) & 0x3F),
                    utf8[at + 2] == UInt8(0x80 | (value >> 6) & 0x3F), utf8[at + 3] == UInt8(0x80 | value & 0x3F)
                else { return false }
                at += 4
            }
        }
        return at == utf8.count
    }

    func people(_ people: inout [Person]) {
        var cursor = 0
        for index in people.indices where people[index].item == nil {
            people[index].item = locator.item(containing: people[index].span, cursor: &cursor)
        }
        Self.sortBySpan(&people) { $0.span }
    }
}
