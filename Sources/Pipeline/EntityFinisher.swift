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
            entities[index].text = source.slice(span)
            if entities[index].item == nil { entities[index].item = locator.item(containing: span) }
        }
        entities.sort { $0.span < $1.span }
    }

    func people(_ people: inout [Person]) {
        for index in people.indices where people[index].item == nil {
            people[index].item = locator.item(containing: people[index].span)
        }
        people.sort { $0.span < $1.span }
    }
}
