import JianbaoCore

/// The last step of every entity: its `text` becomes the exact source slice of its span (the
/// SPEC's promise `source[start:end] == text`), its `item` the innermost item around it unless
/// the extractor knew better, and each list is put in document order.
struct EntityFinisher {
    let source: SourceText
    let locator: ItemLocator

    func finish<Entity: SpannedEntity>(_ entities: [Entity]) -> [Entity] {
        entities.map { entity in
            var finished = entity
            finished.text = source.slice(entity.span)
            finished.item = entity.item ?? locator.item(containing: entity.span)
            return finished
        }
        .sorted { $0.span < $1.span }
    }

    func people(_ people: [Person]) -> [Person] {
        people.map { var person = $0; person.item = person.item ?? locator.item(containing: person.span); return person }
            .sorted { $0.span < $1.span }
    }
}
