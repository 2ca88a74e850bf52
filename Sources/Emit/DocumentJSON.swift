import JianbaoCore

/// The document as ordered JSON, keys in SPEC order (SPEC, "One document").
public enum DocumentJSON {
    public static func encode(_ document: Document) -> OrderedJSON {
        .object([
            ("schema", .string(document.schema)),
            ("source", source(document.source)),
            ("document", info(document.document)),
            ("items", .array(document.items.map(item))),
            ("units", .array(document.units.map(unit))),
            ("people", .array(document.people.map(person))),
            ("counts", .array(document.counts.map(count))),
            ("ratios", .array(document.ratios.map(ratio))),
            ("dates", .array(document.dates.map(date))),
            ("durations", .array(document.durations.map(duration))),
            ("diagnostics", .array(document.diagnostics.map(diagnostic))),
        ])
    }

    static func span(_ span: SourceSpan?) -> OrderedJSON {
        guard let span else { return .null }
        return .object([("start", .int(span.start)), ("end", .int(span.end))])
    }

    static func source(_ source: SourceInfo) -> OrderedJSON {
        .object([
            ("path", .string(source.path)), ("sha256", .string(source.sha256)), ("bytes", .int(source.bytes)),
            ("encoding", .string(source.encoding)), ("characters", .int(source.characters)),
        ])
    }

    static func info(_ info: DocumentInfo) -> OrderedJSON {
        .object([
            ("title", .optional(info.title)),
            ("kind", .string(info.kind)),
            ("issue", info.issue.map { .object([("text", .string($0.text)), ("number", $0.number.map(OrderedJSON.int) ?? .null), ("span", span($0.span))]) } ?? .null),
            ("issuer", .optional(info.issuer)),
            ("date", info.date.map { .object([("text", .string($0.text)), ("value", .string($0.value)), ("span", span($0.span))]) } ?? .null),
            ("reference_year", info.referenceYear.map { .object([("value", .int($0.value)), ("source", .string($0.source.rawValue))]) } ?? .null),
            ("fields", .array(info.fields.map(field))),
        ])
    }

    static func field(_ field: Field) -> OrderedJSON {
        .object([("name", .string(field.name)), ("value", .string(field.value)), ("span", span(field.span))])
    }

    static func item(_ item: Item) -> OrderedJSON {
        .object([
            ("id", .string(item.id)), ("path", .array(item.path.map(OrderedJSON.string))), ("label", .string(item.label)),
            ("marker", .string(item.marker)), ("level", .int(item.level)), ("kind", .string(item.kind)),
            ("title", .string(item.title)), ("fields", .array(item.fields.map(field))), ("span", span(item.span)),
            ("children", .array(item.children.map(self.item))),
        ])
    }

    static func unit(_ unit: OrganisationUnit) -> OrderedJSON {
        .object([
            ("text", .string(unit.text)), ("name", .string(unit.name)), ("role", .string(unit.role.rawValue)),
            ("item", .optional(unit.item)), ("span", span(unit.span)),
        ])
    }

    static func person(_ person: Person) -> OrderedJSON {
        .object([
            ("name", .string(person.name)), ("position", .optional(person.position)),
            ("organisation", .optional(person.organisation)), ("role", .string(person.role.rawValue)),
            ("item", .optional(person.item)), ("span", span(person.span)),
        ])
    }

    static func count(_ count: Count) -> OrderedJSON {
        .object([
            ("text", .string(count.text)), ("value", .number(count.value)),
            ("value_max", count.valueMax.map(OrderedJSON.number) ?? .null), ("approx", .string(count.approx.rawValue)),
            ("unit", .string(count.unit)), ("object", .optional(count.object)), ("item", .optional(count.item)),
            ("span", span(count.span)),
        ])
    }

    static func ratio(_ ratio: Ratio) -> OrderedJSON {
        .object([
            ("text", .string(ratio.text)), ("value", .number(ratio.value)), ("item", .optional(ratio.item)),
            ("span", span(ratio.span)),
        ])
    }

    static func date(_ date: DateMention) -> OrderedJSON {
        .object([
            ("text", .string(date.text)), ("type", .string(date.type.rawValue)), ("value", .string(date.value)),
            ("start", .optional(date.start)), ("end", .optional(date.end)), ("mod", .optional(date.mod?.rawValue)),
            ("year_source", .optional(date.yearSource?.rawValue)), ("item", .optional(date.item)),
            ("span", span(date.span)),
        ])
    }

    static func duration(_ duration: Duration) -> OrderedJSON {
        .object([
            ("text", .string(duration.text)), ("value", .string(duration.value)), ("item", .optional(duration.item)),
            ("span", span(duration.span)),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> OrderedJSON {
        .object([
            ("level", .string(diagnostic.level.rawValue)), ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)), ("span", span(diagnostic.span)),
        ])
    }
}
