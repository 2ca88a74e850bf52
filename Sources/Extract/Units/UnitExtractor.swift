import JianbaoCore
import Normalize

/// Organisations with roles, and the people named with them (SPEC, "Units").
///
/// Find, then resolve: the role rules find spans (a field value, 由…负责, 本报讯（记者…）,
/// a plan's issuing-body line), the conservative scanner finds organisations named as actors
/// in running text, and `OrganisationName` resolves each to its full official form against
/// the place the surrounding text is about.
///
///     申报单位：安阳、鹤壁五市人大常委会 → 安阳 (安阳市人民代表大会常务委员会), 鹤壁 (…)
public struct UnitExtractor: Sendable {
    public init() {}

    public func extract(_ text: WorkingText, items: [Item], masthead: MastheadFacts) -> (units: [OrganisationUnit], people: [Person], diagnostics: [Diagnostic]) {
        var rules = UnitRules(text: text, items: items, scanner: .shared)
        rules.issuers(masthead: masthead)
        rules.fieldRoles(items)
        rules.contributorLines()
        rules.responsible()
        rules.reporters()
        rules.mentioned(masthead: masthead)
        // Sorted in place, taken out of the rules first: a sorted copy would hold every unit twice.
        var units = rules.units
        var people = rules.people
        rules.units = []
        rules.people = []
        Self.sortBySpan(&units)
        people.sort { $0.span.start < $1.span.start }
        return (units, people, rules.diagnostics)
    }
}

extension UnitExtractor {
    /// Sorts the units by span as a stable sort would (equal spans keep their order): the
    /// spans are sorted with their indices, then each unit is swapped into place once, instead
    /// of every unit being moved at each pass of a merge.
    static func sortBySpan(_ units: inout [OrganisationUnit]) {
        // Through a buffer: read and swapped in place, no unit is copied (nor its Strings retained).
        units.withUnsafeMutableBufferPointer { units in
            var order = units.indices.map { (units[$0].span.start, units[$0].span.end, $0) }
            order.sort { $0 < $1 }
            // Position k takes the unit now at source[k]; each cycle of the permutation is walked once.
            var source = order.map(\.2)
            for first in source.indices where source[first] != first {
                var position = first
                while true {
                    let from = source[position]
                    source[position] = position
                    if from == first { break }
                    units.swapAt(position, from)
                    position = from
                }
            }
        }
    }
}

/// What Segment learnt about the document that the unit rules read.
public struct MastheadFacts: Sendable {
    public var issuer: String?
    public var issuerSpan: SourceSpan?
    public var documentFields: [Field]

    public init(issuer: String?, issuerSpan: SourceSpan?, documentFields: [Field]) {
        self.issuer = issuer
        self.issuerSpan = issuerSpan
        self.documentFields = documentFields
    }
}
