import JianbaoCore

/// The last step of every entity: its `text` becomes the exact source slice of its span (the
/// SPEC's promise `source[start:end] == text`), its `item` the innermost item around it, and
/// each list is put in document order.
struct EntityFinisher {
    let source: SourceText
    let locator: ItemLocator

    func units(_ units: [OrganisationUnit]) -> [OrganisationUnit] {
        units.map { var unit = $0; unit.text = source.slice(unit.span); unit.item = unit.item ?? locator.item(containing: unit.span); return unit }
            .sorted { $0.span < $1.span }
    }

    func people(_ people: [Person]) -> [Person] {
        people.map { var person = $0; person.item = person.item ?? locator.item(containing: person.span); return person }
            .sorted { $0.span < $1.span }
    }

    func counts(_ counts: [Count]) -> [Count] {
        counts.map { var count = $0; count.text = source.slice(count.span); count.item = locator.item(containing: count.span); return count }
            .sorted { $0.span < $1.span }
    }

    func ratios(_ ratios: [Ratio]) -> [Ratio] {
        ratios.map { var ratio = $0; ratio.text = source.slice(ratio.span); ratio.item = locator.item(containing: ratio.span); return ratio }
            .sorted { $0.span < $1.span }
    }

    func dates(_ dates: [DateMention]) -> [DateMention] {
        dates.map { var date = $0; date.text = source.slice(date.span); date.item = locator.item(containing: date.span); return date }
            .sorted { $0.span < $1.span }
    }

    func durations(_ durations: [Duration]) -> [Duration] {
        durations.map { var duration = $0; duration.text = source.slice(duration.span); duration.item = locator.item(containing: duration.span); return duration }
            .sorted { $0.span < $1.span }
    }
}
