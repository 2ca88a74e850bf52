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
        for index in entities.indices {
            let span = entities[index].span
            // The extractor's text is the working text of the entity, which is the source
            // slice itself unless normalisation changed something inside it (a full-width
            // digit, a repaired line break): then it stays, and no String is built again.
            if !Self.text(entities[index].text, isSourceSlice: span, of: source) {
                entities[index].text = source.slice(span)
            }
            if entities[index].item == nil { entities[index].item = locator.item(containing: span) }
        }
        entities.sort { $0.span < $1.span }
    }

    /// Whether `text` is exactly the source scalars of `span`, compared byte by byte in UTF-8.
    static func text(_ text: String, isSourceSlice span: SourceSpan, of source: SourceText) -> Bool {
        guard span.start >= 0, span.start <= span.end, span.end <= source.count else { return false }
        var text = text
        return text.withUTF8 { utf8 -> Bool in
            source.scalars.withUnsafeBufferPointer { scalars -> Bool in
                var at = 0
                for value in scalars[span.start..<span.end].lazy.map(\.value) {
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
        }
    }

    func people(_ people: inout [Person]) {
        for index in people.indices where people[index].item == nil {
            people[index].item = locator.item(containing: people[index].span)
        }
        people.sort { $0.span < $1.span }
    }
}
