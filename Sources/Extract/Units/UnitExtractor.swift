import JianbaoCore
import Normalize

/// Organisations with roles, and the people named with them (SPEC, "Units"). Placeholder.
public struct UnitExtractor: Sendable {
    public init() {}

    public func extract(_ text: WorkingText, items: [Item], masthead: MastheadFacts) -> (units: [OrganisationUnit], people: [Person], diagnostics: [Diagnostic]) {
        ([], [], [])
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
